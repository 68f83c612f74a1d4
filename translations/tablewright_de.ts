<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de">
<context>
    <name>main</name>
    <message>
        <source>Administration for PostgreSQL and SQLite.</source>
        <translation>Verwaltung für PostgreSQL und SQLite.</translation>
    </message>
    <message>
        <source>Configuration file.</source>
        <translation>Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>Open the demo database (created if missing).</source>
        <translation>Die Demo-Datenbank öffnen (wird bei Bedarf angelegt).</translation>
    </message>
    <message>
        <source>Where the demo database lives.</source>
        <translation>Speicherort der Demo-Datenbank.</translation>
    </message>
    <message>
        <source>Write JSON-lines logs to this file.</source>
        <translation>JSON-Lines-Protokolle in diese Datei schreiben.</translation>
    </message>
    <message>
        <source>SQLite files to open.</source>
        <translation>Zu öffnende SQLite-Dateien.</translation>
    </message>
    <message>
        <source>Configuration error</source>
        <translation>Konfigurationsfehler</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>Demo-Datenbank</translation>
    </message>
</context>
<context>
    <name>tw::ui::ConnectionListModel</name>
    <message>
        <source>Read-only</source>
        <translation>Nur lesen</translation>
    </message>
</context>
<context>
    <name>tw::ui::MainWindow</name>
    <message>
        <source>Tablewright</source>
        <translation>Tablewright</translation>
    </message>
    <message>
        <source>No connections configured.
Use File → Open SQLite File… or add connections to the config file.</source>
        <translation>Keine Verbindungen konfiguriert.
Datei → SQLite-Datei öffnen… verwenden oder Verbindungen in der Konfigurationsdatei eintragen.</translation>
    </message>
    <message>
        <source>Double-click a connection to open it.</source>
        <translation>Zum Öffnen auf eine Verbindung doppelklicken.</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) configured</source>
        <translation><numerusform>%n Verbindung konfiguriert</numerusform><numerusform>%n Verbindungen konfiguriert</numerusform></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open SQLite File…</source>
        <translation>SQLite-Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;Refresh Tables</source>
        <translation>Tabellen &amp;aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Tablewright</source>
        <translation>Ü&amp;ber Tablewright</translation>
    </message>
    <message>
        <source>About Tablewright</source>
        <translation>Über Tablewright</translation>
    </message>
    <message>
        <source>Tablewright %1
Administration for PostgreSQL and SQLite.</source>
        <translation>Tablewright %1
Verwaltung für PostgreSQL und SQLite.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Reading the tables of %1…</source>
        <translation>Lese die Tabellen von %1…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n table(s) and view(s)</source>
        <translation><numerusform>%1: %n Tabelle oder Sicht</numerusform><numerusform>%1: %n Tabellen und Sichten</numerusform></translation>
    </message>
    <message>
        <source>Could not open %1.

%2</source>
        <translation>%1 konnte nicht geöffnet werden.

%2</translation>
    </message>
    <message>
        <source>Open SQLite File</source>
        <translation>SQLite-Datei öffnen</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.sqlite *.sqlite3 *.db);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>tw::ui::TableListPanel</name>
    <message>
        <source>Filter tables…</source>
        <translation>Tabellen filtern…</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n table(s)</source>
        <translation><numerusform>%1 — %n Tabelle</numerusform><numerusform>%1 — %n Tabellen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>, %n view(s)</source>
        <translation><numerusform>, %n Sicht</numerusform><numerusform>, %n Sichten</numerusform></translation>
    </message>
</context>
</TS>