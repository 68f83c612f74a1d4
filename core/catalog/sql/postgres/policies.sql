-- Row-level security policies of user tables. Roles come as names of real
-- roles only; the PUBLIC pseudo-role (oid 0, which PostgreSQL stores only
-- alone) as NULL, read as an empty list: never as the text 'PUBLIC', which
-- a real role may be called. Shared dependencies keep a policy's roles
-- from being dropped, so the inner join loses none. Expressions are
-- deparsed against their table.
SELECT p.polrelid,
       p.polname,
       p.polcmd,
       p.polpermissive,
       CASE WHEN p.polroles <> '{0}' THEN
           array_to_json(ARRAY(SELECT r.rolname
                               FROM unnest(p.polroles) AS k(oid)
                               JOIN pg_roles r ON r.oid = k.oid
                               ORDER BY 1))::text
       END AS roles,
       pg_get_expr(p.polqual, p.polrelid) AS using_expression,
       pg_get_expr(p.polwithcheck, p.polrelid) AS with_check,
       d.description
FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description d
       ON d.objoid = p.oid AND d.classoid = 'pg_policy'::regclass AND d.objsubid = 0
WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
