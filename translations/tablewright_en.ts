<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>main</name>
    <message>
        <source>Administration for PostgreSQL and SQLite.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Configuration file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the demo database (created if missing).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Where the demo database lives.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write JSON-lines logs to this file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SQLite files to open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Configuration error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo database</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>tw::ui::ConnectionListModel</name>
    <message>
        <source>Read-only</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>tw::ui::MainWindow</name>
    <message>
        <source>Tablewright</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No connections configured.
Use File → Open SQLite File… or add connections to the config file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Double-click a connection to open it.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n connection(s) configured</source>
        <translation><numerusform>%n connection configured</numerusform><numerusform>%n connections configured</numerusform></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Open SQLite File…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Refresh Tables</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About Tablewright</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About Tablewright</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tablewright %1
Administration for PostgreSQL and SQLite.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reading the tables of %1…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1: %n table(s) and view(s)</source>
        <translation><numerusform>%1: %n table and view</numerusform><numerusform>%1: %n tables and views</numerusform></translation>
    </message>
    <message>
        <source>Could not open %1.

%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open SQLite File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>tw::ui::TableListPanel</name>
    <message>
        <source>Filter tables…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 — %n table(s)</source>
        <translation><numerusform>%1 — %n table</numerusform><numerusform>%1 — %n tables</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>, %n view(s)</source>
        <translation><numerusform>, %n view</numerusform><numerusform>, %n views</numerusform></translation>
    </message>
</context>
</TS>