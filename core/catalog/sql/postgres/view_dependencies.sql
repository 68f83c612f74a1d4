-- Relations each view or materialized view reads (through its _RETURN rule),
-- for DDL order. Reads of system catalogs are left out.
SELECT DISTINCT r.ev_class,
       dn.nspname,
       dc.relname
FROM pg_rewrite r
JOIN pg_depend d
  ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
JOIN pg_class dc ON dc.oid = d.refobjid AND dc.oid <> r.ev_class
JOIN pg_namespace dn ON dn.oid = dc.relnamespace
WHERE r.rulename = '_RETURN'
  AND dn.nspname !~ '^pg_' AND dn.nspname <> 'information_schema'
