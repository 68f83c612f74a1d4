-- Indexes of user relations. Key columns come as attnums (indkey, "1 2"),
-- mapped to names by the reader from the columns part: an ARRAY subquery per
-- index cost 50-70 ms on 15,000 indexes. Only indexes with expression keys
-- get the old array, whose expression texts are pg_get_indexdef(oid, k).
-- Columns past indnkeyatts are INCLUDE columns.
--
-- The definition: pg_get_indexdef was 60 % of the whole snapshot (about
-- 20 us per index), so the reader spells the plain ones itself and the
-- server is asked only when the text may hold more than name, table, method
-- and columns. The condition is the one under which pg_get_indexdef prints
-- nothing per key: no expression, predicate, reloptions, NULLS NOT DISTINCT
-- or indoption (DESC, NULLS FIRST); btree or hash only (other methods have
-- opclass options, and key types that differ from the column's); each key's
-- opclass is the default one for the column's own type (GetDefaultOpClass
-- takes an exact opcintype match first; domains and polymorphic opclasses
-- never match here), has no options support function, and its collation is
-- the column's. Anything else takes pg_get_indexdef: slower, never wrong.
-- The check is one join over all key columns (INCLUDE columns have no
-- opclass: indclass is indnkeyatts long); a subquery per index cost three
-- times as much.
-- An FK also points conindid at the index it relies on, hence conrelid.
-- Sizes are the catalog's page counts, as for tables (relations.sql).
WITH unspellable AS (
    SELECT k.indexrelid
    FROM (SELECT indexrelid, indrelid,
                 unnest(indkey::int2[]) AS attnum,
                 unnest(indclass::oid[]) AS opclass,
                 unnest(indcollation::oid[]) AS collation
          FROM pg_index
          WHERE indexprs IS NULL) k
    -- attnum > 0 leaves system columns (of every table) out of the hash
    JOIN pg_attribute a ON a.attrelid = k.indrelid AND a.attnum = k.attnum AND a.attnum > 0
    JOIN pg_opclass o ON o.oid = k.opclass
    WHERE NOT (o.opcintype = a.atttypid AND k.collation = a.attcollation
               AND o.oid IN (SELECT po.oid
                             FROM pg_opclass po
                             JOIN pg_am m ON m.oid = po.opcmethod
                             JOIN pg_type t ON t.oid = po.opcintype
                             WHERE po.opcdefault AND t.typtype <> 'd' AND m.amname IN ('btree', 'hash')
                               -- the options support function: BTOPTIONS_PROC 5, HASHOPTIONS_PROC 3
                               AND NOT EXISTS (SELECT 1 FROM pg_amproc p
                                               WHERE p.amprocfamily = po.opcfamily
                                                 AND p.amprocnum = CASE m.amname WHEN 'btree' THEN 5 ELSE 3 END)))
)
SELECT i.indrelid,
       i.indexrelid,
       ic.relname,
       am.amname,
       i.indisunique,
       i.indisprimary,
       con.conname,
       i.indnkeyatts,
       i.indkey::text AS key_attnums,
       CASE WHEN i.indexprs IS NOT NULL THEN
           array_to_json(ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0
                                           THEN pg_get_indexdef(i.indexrelid, k, true)
                                           ELSE (SELECT a.attname::text FROM pg_attribute a
                                                 WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1])
                                      END
                               FROM generate_series(1, i.indnatts) AS k
                               ORDER BY k))::text
       END AS expression_columns,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       CASE WHEN i.indexprs IS NULL AND i.indpred IS NULL AND ic.reloptions IS NULL
                 AND i.indoption::text ~ '^[0 ]*$'
                 AND NOT i.indnullsnotdistinct -- PostgreSQL 15+
                 AND i.indexrelid NOT IN (SELECT indexrelid FROM unspellable)
            THEN NULL
            ELSE pg_get_indexdef(i.indexrelid)
       END AS definition,
       d.description,
       pn.nspname AS parent_schema,
       pic.relname AS parent_name,
       ic.relpages::bigint * current_setting('block_size')::bigint AS bytes,
       ic.relkind
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_constraint con
       ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
LEFT JOIN pg_inherits ih ON ih.inhrelid = i.indexrelid
LEFT JOIN pg_class pic ON pic.oid = ih.inhparent
LEFT JOIN pg_namespace pn ON pn.oid = pic.relnamespace
LEFT JOIN pg_description d
       ON d.objoid = i.indexrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
