-- First statement of a snapshot load, inside its transaction. An empty
-- search_path makes format_type, pg_get_expr, pg_get_viewdef, … qualify every
-- user object, so the texts mean the same in any session (as pg_dump does).
-- lock_timeout bounds the wait of pg_get_viewdef behind an ALTER VIEW. JIT off:
-- on a large catalog the planner's costs pass jit_above_cost and compiling
-- took longer than running (0.5 s of 0.8 s for 5,000 tables).
-- The keywords quote_identifier() quotes (all but unreserved ones) and
-- quote_all_identifiers: the reader spells index definitions as
-- pg_get_indexdef would, and the list changes between major versions.
SELECT set_config('search_path', '', true) AS search_path,
       set_config('lock_timeout', '5s', true) AS lock_timeout,
       set_config('jit', 'off', true) AS jit,
       current_setting('server_version') AS server_version,
       current_setting('server_version_num')::int AS server_version_num,
       current_database() AS database,
       (SELECT string_agg(word, ' ') FROM pg_get_keywords() WHERE catcode <> 'U') AS quoted_keywords,
       current_setting('quote_all_identifiers')::bool AS quote_all_identifiers
