<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>main</name>
    <message>
        <source>Administration for PostgreSQL and SQLite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo database (created if missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the demo database lives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write JSON-lines logs to this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite files to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::Error</name>
    <message>
        <source>Something went wrong inside Tablewright. The details below say what.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The object you asked for does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table does not exist, or you cannot see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input is not valid. Correct it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration file has an error. Fix the field named below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this data. Reload it, then apply your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again: your credentials were missing or not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection is closing. Open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be reached. Check that the server is running and the connection settings are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused the statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change breaks a rule of the database (a key, a reference or a check).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is locked by another writer. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be read from the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An applied migration file was changed after it ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another migration is running on this database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::ApiFeature</name>
    <message>
        <source>&amp;API Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API server listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API server stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::ApiPanel</name>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ADDRESS:PORT, e.g. 127.0.0.1:8080 or [::1]:8080; port 0 lets the system pick one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the base URL to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests (newest first, last %L1 kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective policy (api.policy, read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>migrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>readonly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No policy rules: every protected request is refused (deny by default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connections configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deny by default. Readonly connections refuse writes, deletes and migrations whoever asks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid listen address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Not a loopback address and no TLS configured (api.tls): tokens and data cross the network in clear text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OIDC issuer configured (api.oidc.issuer): protected routes refuse every request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer %1: keys are fetched when the server starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: keys loaded from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching keys from %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys not loaded from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2xx: %L1   3xx: %L2   4xx: %L3   5xx: %L4   total: %L5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::BinaryValueDialog</name>
    <message>
        <source>Binary value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save to File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load from File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;NULL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NULL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::BrowserFeature</name>
    <message>
        <source>&amp;Open Table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a connection first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some tables have edits that are not committed. Quit and drop them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table &amp;Browser</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::BrowserPage</name>
    <message>
        <source>Close Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has edits that are not committed. Close it and drop them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::ConnectionListModel</name>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::ErrorText</name>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::FilterParser</name>
    <message>
        <source>a value is missing after the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an empty value in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a range needs both ends: low..high</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::FilterRow</name>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter %1: text (contains), =x, !=x, &lt;x, &lt;=x, &gt;x, &gt;=x, a..b, in a,b,c, ~x, like p, NULL, !NULL; \ takes the rest literally</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::HexText</name>
    <message>
        <source>… %1 more bytes not shown (save to a file to see them)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>x&apos;%1&apos; (%n byte(s))</source>
        <translation>
            <numerusform>x&apos;%1&apos; (%n byte)</numerusform>
            <numerusform>x&apos;%1&apos; (%n bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tw::ui::JsonEditorDialog</name>
    <message>
        <source>Edit JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indent the JSON. Object keys are sorted, which plain json columns keep as typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: JSON needs a value (use NULL for no value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at character %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::MainWindow</name>
    <message>
        <source>Tablewright</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connections configured.
Use File → Open SQLite File… or add connections to the config file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a connection to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) configured</source>
        <translation>
            <numerusform>%n connection configured</numerusform>
            <numerusform>%n connections configured</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open SQLite File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Tablewright</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Tablewright</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tablewright %1
Administration for PostgreSQL and SQLite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open SQLite File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationConfirmDialog</name>
    <message>
        <source>apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step / statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo Migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply Migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>without a transaction (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs statement by statement outside a transaction; a failure leaves it partial and Up resumes it from the failed statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(already ran) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Undo %n migration(s)</source>
        <translation>
            <numerusform>Undo %n migration</numerusform>
            <numerusform>Undo %n migrations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply %n migration(s)</source>
        <translation>
            <numerusform>Apply %n migration</numerusform>
            <numerusform>Apply %n migrations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 on %2: %n statement(s), in this order.</source>
        <translation>
            <numerusform>%1 on %2: %n statement, in this order.</numerusform>
            <numerusform>%1 on %2: %n statements, in this order.</numerusform>
        </translation>
    </message>
    <message>
        <source>All steps run in one transaction: any failure rolls every one of them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each step runs in its own transaction with its history row; a failing step is rolled back and the ones after it do not run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) run without a transaction (marked above).</source>
        <translation>
            <numerusform>%n step runs without a transaction (marked above).</numerusform>
            <numerusform>%n steps run without a transaction (marked above).</numerusform>
        </translation>
    </message>
    <message>
        <source>Lock: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationFileDetailsLoader</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes since it ran:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history row keeps no text for this run (a baseline, or a row written by another tool): the statements are compared by the hash recorded for each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied checksum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File checksum now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement %1 (line %2) changed since it ran:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement %1 (line %2) is new:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement %1 of the applied run is no longer in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history row records no statement hashes (baseline or an older run): only the checksums can be compared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %n statement(s) that ran are unchanged: the edit is in comments or white space between statements.</source>
        <translation>
            <numerusform>The %n statement that ran is unchanged: the edit is in comments or white space between statements.</numerusform>
            <numerusform>All %n statements that ran are unchanged: the edit is in comments or white space between statements.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) unchanged.</source>
        <translation>
            <numerusform>%n statement unchanged.</numerusform>
            <numerusform>%n statements unchanged.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revert the file to what ran, or run Repair to record the file&apos;s current checksum.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationRunView</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop between statements, and cancel the statement running now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log of migration runs appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the migration lock, held by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 of %2 — statement %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationStateStyle</name>
    <message>
        <source>Applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied; the file is unchanged since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applied yet: Up runs it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last attempt failed and was rolled back: the database is as before it. Fix the file, then run Up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A migration without a transaction stopped part-way. Up resumes it from the failed statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file changed after it was applied. Revert the edit, or run Repair to accept the file as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied, but its file is gone from the migrations directory. Restore it, or run Repair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending, but a higher version is already applied: Up runs it only with out-of-order allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older than the baseline: never run on this database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationStatusModel</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeatable: re-applied whenever its checksum changes, after the versioned files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationsFeature</name>
    <message>
        <source>Open a connection first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Migrations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A migration is running. Cancel it and quit? The statement running now is cancelled and its migration rolled back (or left partial for Up to resume).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationsPage</name>
    <message>
        <source>SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a connection to see its migrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the files and the history again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the pending migrations up to and including the selected version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply every pending migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down to Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the applied migrations above the selected version, newest first, with their undo files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the files against the history: changed checksums, missing files, versions out of order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept changed checksums and clear the rows of failed attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark an existing database as being at a version, without running anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow Out-of-Order Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up also applies pending versions below the highest applied one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Steps in One Transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrations — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection %1 is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;No migrations directory&lt;/h3&gt;&lt;p&gt;The connection &lt;b&gt;%1&lt;/b&gt; has no &lt;code&gt;migrations:&lt;/code&gt; entry in the configuration file. Add one, pointing to the folder that holds the migration files (relative to the configuration file), then open the connection again:&lt;/p&gt;&lt;pre&gt;connections:
  - name: %1
    …
    migrations: ./migrations&lt;/pre&gt;&lt;p&gt;Files are named &lt;code&gt;V1__create_people.sql&lt;/code&gt; (apply), &lt;code&gt;U1__create_people.sql&lt;/code&gt; (undo) and &lt;code&gt;R__views.sql&lt;/code&gt; (repeatable); dbmate and golang-migrate folders are read as they are. &lt;code&gt;tablewright migrate new NAME --connection %1&lt;/code&gt; creates the next file.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n migration(s) pending</source>
        <translation>
            <numerusform>%1: %n migration pending</numerusform>
            <numerusform>%1: %n migrations pending</numerusform>
        </translation>
    </message>
    <message>
        <source>No undo file: Down cannot undo this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-- The file of this migration is not in the directory any more.
-- Applied as: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-- Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validating %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair Migration History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair rewrites the history of %1: applied files whose checksum changed get their current checksum, the rows of failed (rolled back) attempts are removed, partial migrations stay for Up to resume. Nothing in the schema changes; the repair is recorded as its own history row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repairing the history of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline records that %1 already has the schema of the given version, without running any file: versions up to it are never run here. Only for a database that has no migration applied yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline: &quot;%1&quot; is not a version (use numbers like 3 or 1.2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording a baseline at version %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled before anything ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Undoing %n migration(s)…</source>
        <translation>
            <numerusform>Undoing %n migration…</numerusform>
            <numerusform>Undoing %n migrations…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Applying %n migration(s)…</source>
        <translation>
            <numerusform>Applying %n migration…</numerusform>
            <numerusform>Applying %n migrations…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>✓ %1 — %n statement(s), %2</source>
        <translation>
            <numerusform>✓ %1 — %n statement, %2</numerusform>
            <numerusform>✓ %1 — %n statements, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>✗ %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n migration(s): %1</source>
        <translation>
            <numerusform>Stopped after %n migration: %1</numerusform>
            <numerusform>Stopped after %n migrations: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Applied %n migration(s).</source>
        <translation>
            <numerusform>Applied %n migration.</numerusform>
            <numerusform>Applied %n migrations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undid %n migration(s).</source>
        <translation>
            <numerusform>Undid %n migration.</numerusform>
            <numerusform>Undid %n migrations.</numerusform>
        </translation>
    </message>
    <message>
        <source>Valid: the files match the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problem found.</numerusform>
            <numerusform>%n problems found.</numerusform>
        </translation>
    </message>
    <message>
        <source>History repaired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::ObjectDetailsView</name>
    <message>
        <source>&amp;Copy DDL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an object to see its properties and DDL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::PolicyMatrixModel</name>
    <message>
        <source>%1 (readonly)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A readonly connection refuses writes, deletes and migrations whoever asks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>readonly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy grants %1, but the connection is readonly: refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>migrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::RequestLogModel</name>
    <message>
        <source>Route: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::RowDetailDialog</name>
    <message>
        <source>Row %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NULL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit row %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::SchemaFeature</name>
    <message>
        <source>&amp;Refresh Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n object(s)</source>
        <translation>
            <numerusform>%1: %n object</numerusform>
            <numerusform>%1: %n objects</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Schema</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::SchemaPage</name>
    <message>
        <source>Reload the schema (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search tables, columns, indexes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the schema of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n object(s), read in %1 ms</source>
        <translation>
            <numerusform>%n object, read in %1 ms</numerusform>
            <numerusform>%n objects, read in %1 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message>
        <source>The schema could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some parts could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;DDL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading the schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the schema was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::SchemaText</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitioned table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materialized view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreign table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enum type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composite type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>~%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
    <message>
        <source>primary key (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>foreign key → %1(%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unique (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unique %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enum (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>domain over %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>composite, %n attribute(s)</source>
        <translation>
            <numerusform>composite, %n attribute</numerusform>
            <numerusform>composite, %n attributes</numerusform>
        </translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partition of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partition bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreign server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreign options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no: the connected role may not read its rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Increment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owned by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>primary key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>foreign key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>References</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deferrable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>initially deferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>initially immediate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inherits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row-level security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on, also for the owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>always, on replicas too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on replicas only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::SchemaTreeModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitioned tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materialized views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreign tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys and constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::SearchDialog</name>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text to find in every table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a match to open its table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search Database — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n table(s) searched</source>
        <translation>
            <numerusform>in %n table searched</numerusform>
            <numerusform>in %n tables searched</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There may be more matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Not searched: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::SearchFeature</name>
    <message>
        <source>&amp;Search Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a connection first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::SearchResultsModel</name>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::TableModel</name>
    <message>
        <source>Insert row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEFAULT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortened: open the cell to load the whole value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generated (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1 to NULL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1 to DEFAULT</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n row(s)</source>
        <translation>
            <numerusform>Delete %n row</numerusform>
            <numerusform>Delete %n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tw::ui::TableTab</name>
    <message>
        <source>WHERE … (SQL condition, run read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading rows failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written: rows changed since you loaded them (marked). Your edits are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written; your edits are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed: %1 updated, %2 inserted, %3 deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set NULL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Referenced Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the table&apos;s columns…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some filters cannot be read and are left out (hover a red box for why).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be sorted: its type (%2) has no order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row count unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 rows (estimate; Count Rows for the exact number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sorted by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Counting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the whole value…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing pasted: the range does not fit, or it covers cells that cannot be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Set %n cell(s) to NULL</source>
        <translation>
            <numerusform>Set %n cell to NULL</numerusform>
            <numerusform>Set %n cells to NULL</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is NULL: it references no row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Value…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary Value (Load / Save File)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting rows… (about %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message>
        <source>staged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) changed</source>
        <translation>
            <numerusform>%n cell changed</numerusform>
            <numerusform>%n cells changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new row(s)</source>
        <translation>
            <numerusform>%n new row</numerusform>
            <numerusform>%n new rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) to delete</source>
        <translation>
            <numerusform>%n row to delete</numerusform>
            <numerusform>%n rows to delete</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as REST URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as postgrest-js</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as REST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the filters and sort on screen as a REST API request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postgrest-js snippet copied to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST URL copied to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (%n condition(s) not said exactly: see its comment lines)</source>
        <translation>
            <numerusform> (%n condition not said exactly: see its comment lines)</numerusform>
            <numerusform> (%n conditions not said exactly: see its comment lines)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tw::ui::TextValueDialog</name>
    <message>
        <source>Value: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
