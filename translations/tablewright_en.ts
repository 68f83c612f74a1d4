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
</TS>
