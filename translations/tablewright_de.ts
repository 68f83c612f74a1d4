<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
    <name>tw::Error</name>
    <message>
        <source>Something went wrong inside Tablewright. The details below say what.</source>
        <translation>In Tablewright ist ein Fehler aufgetreten. Die Details unten sagen, welcher.</translation>
    </message>
    <message>
        <source>The object you asked for does not exist.</source>
        <translation>Das angeforderte Objekt existiert nicht.</translation>
    </message>
    <message>
        <source>The table does not exist, or you cannot see it.</source>
        <translation>Die Tabelle existiert nicht, oder Sie können sie nicht sehen.</translation>
    </message>
    <message>
        <source>The input is not valid. Correct it and try again.</source>
        <translation>Die Eingabe ist ungültig. Korrigieren Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The configuration file has an error. Fix the field named below.</source>
        <translation>Die Konfigurationsdatei enthält einen Fehler. Korrigieren Sie das unten genannte Feld.</translation>
    </message>
    <message>
        <source>Someone else changed this data. Reload it, then apply your change again.</source>
        <translation>Jemand anderes hat diese Daten geändert. Laden Sie sie neu und wenden Sie Ihre Änderung erneut an.</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>Sie haben keine Berechtigung dafür.</translation>
    </message>
    <message>
        <source>Sign in again: your credentials were missing or not accepted.</source>
        <translation>Melden Sie sich erneut an: Ihre Anmeldedaten fehlten oder wurden nicht akzeptiert.</translation>
    </message>
    <message>
        <source>The database is busy. Try again in a moment.</source>
        <translation>Die Datenbank ist ausgelastet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The connection is closing. Open it again.</source>
        <translation>Die Verbindung wird geschlossen. Öffnen Sie sie erneut.</translation>
    </message>
    <message>
        <source>The database cannot be reached. Check that the server is running and the connection settings are right.</source>
        <translation>Die Datenbank ist nicht erreichbar. Prüfen Sie, ob der Server läuft und die Verbindungseinstellungen stimmen.</translation>
    </message>
    <message>
        <source>The database refused the statement.</source>
        <translation>Die Datenbank hat die Anweisung abgelehnt.</translation>
    </message>
    <message>
        <source>The query was cancelled.</source>
        <translation>Die Abfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The change breaks a rule of the database (a key, a reference or a check).</source>
        <translation>Die Änderung verletzt eine Regel der Datenbank (einen Schlüssel, einen Verweis oder eine Prüfung).</translation>
    </message>
    <message>
        <source>The database is locked by another writer. Try again in a moment.</source>
        <translation>Die Datenbank ist durch einen anderen Schreibvorgang gesperrt. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The password could not be read from the system keychain.</source>
        <translation>Das Passwort konnte nicht aus dem Schlüsselbund des Systems gelesen werden.</translation>
    </message>
    <message>
        <source>An applied migration file was changed after it ran.</source>
        <translation>Eine bereits angewendete Migrationsdatei wurde nachträglich geändert.</translation>
    </message>
    <message>
        <source>Another migration is running on this database.</source>
        <translation>Auf dieser Datenbank läuft bereits eine andere Migration.</translation>
    </message>
</context>
<context>
    <name>tw::ui::ApiFeature</name>
    <message>
        <source>&amp;API Server</source>
        <translation>A&amp;PI-Server</translation>
    </message>
    <message>
        <source>API server listening on %1</source>
        <translation>API-Server läuft auf %1</translation>
    </message>
    <message>
        <source>API server stopped</source>
        <translation>API-Server gestoppt</translation>
    </message>
</context>
<context>
    <name>tw::ui::ApiPanel</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>ADDRESS:PORT, e.g. 127.0.0.1:8080 or [::1]:8080; port 0 lets the system pick one.</source>
        <translation>ADRESSE:PORT, z. B. 127.0.0.1:8080 oder [::1]:8080; bei Port 0 wählt das System einen freien Port.</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>&amp;Listen-Adresse:</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the base URL to the clipboard</source>
        <translation>Basis-URL in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>Basis-URL:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authentifizierung:</translation>
    </message>
    <message>
        <source>Responses:</source>
        <translation>Antworten:</translation>
    </message>
    <message>
        <source>Requests (newest first, last %L1 kept)</source>
        <translation>Anfragen (neueste zuerst, die letzten %L1 bleiben erhalten)</translation>
    </message>
    <message>
        <source>Effective policy (api.policy, read-only)</source>
        <translation>Effektive Richtlinie (api.policy, schreibgeschützt)</translation>
    </message>
    <message>
        <source>migrate</source>
        <translation>migrieren</translation>
    </message>
    <message>
        <source>readonly</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>No policy rules: every protected request is refused (deny by default).</source>
        <translation>Keine Richtlinienregeln: Jede geschützte Anfrage wird abgelehnt (standardmäßig verweigert).</translation>
    </message>
    <message>
        <source>No connections configured.</source>
        <translation>Keine Verbindungen konfiguriert.</translation>
    </message>
    <message>
        <source>Deny by default. Readonly connections refuse writes, deletes and migrations whoever asks.</source>
        <translation>Ohne passende Regel wird der Zugriff verweigert. Schreibgeschützte Verbindungen lehnen Schreibzugriffe, Löschungen und Migrationen ab, egal wer sie anfordert.</translation>
    </message>
    <message>
        <source>Invalid listen address: %1</source>
        <translation>Ungültige Listen-Adresse: %1</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird gestoppt…</translation>
    </message>
    <message>
        <source>⚠ Not a loopback address and no TLS configured (api.tls): tokens and data cross the network in clear text.</source>
        <translation>⚠ Keine Loopback-Adresse und kein TLS konfiguriert (api.tls): Tokens und Daten gehen unverschlüsselt über das Netzwerk.</translation>
    </message>
    <message>
        <source>No OIDC issuer configured (api.oidc.issuer): protected routes refuse every request.</source>
        <translation>Kein OIDC-Aussteller konfiguriert (api.oidc.issuer): Geschützte Routen lehnen jede Anfrage ab.</translation>
    </message>
    <message>
        <source>Issuer %1: keys are fetched when the server starts.</source>
        <translation>Aussteller %1: Die Schlüssel werden beim Start des Servers abgerufen.</translation>
    </message>
    <message>
        <source>Ready: keys loaded from %1.</source>
        <translation>Bereit: Schlüssel von %1 geladen.</translation>
    </message>
    <message>
        <source>Fetching keys from %1…</source>
        <translation>Schlüssel werden von %1 abgerufen…</translation>
    </message>
    <message>
        <source>Keys not loaded from %1: %2</source>
        <translation>Schlüssel von %1 nicht geladen: %2</translation>
    </message>
    <message>
        <source>2xx: %L1   3xx: %L2   4xx: %L3   5xx: %L4   total: %L5</source>
        <translation>2xx: %L1   3xx: %L2   4xx: %L3   5xx: %L4   gesamt: %L5</translation>
    </message>
</context>
<context>
    <name>tw::ui::BinaryValueDialog</name>
    <message>
        <source>Binary value: %1</source>
        <translation>Binärwert: %1</translation>
    </message>
    <message>
        <source>&amp;Save to File…</source>
        <translation>In Datei &amp;speichern…</translation>
    </message>
    <message>
        <source>Save Value</source>
        <translation>Wert speichern</translation>
    </message>
    <message>
        <source>&amp;Load from File…</source>
        <translation>Aus Datei &amp;laden…</translation>
    </message>
    <message>
        <source>Load Value</source>
        <translation>Wert laden</translation>
    </message>
    <message>
        <source>Set &amp;NULL</source>
        <translation>Auf &amp;NULL setzen</translation>
    </message>
    <message>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>tw::ui::BrowserFeature</name>
    <message>
        <source>&amp;Open Table…</source>
        <translation>&amp;Tabelle öffnen…</translation>
    </message>
    <message>
        <source>Open a connection first.</source>
        <translation>Öffnen Sie zuerst eine Verbindung.</translation>
    </message>
    <message>
        <source>Open Table</source>
        <translation>Tabelle öffnen</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>Tabelle:</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Some tables have edits that are not committed. Quit and drop them?</source>
        <translation>Einige Tabellen haben nicht festgeschriebene Änderungen. Trotzdem beenden und die Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Table &amp;Browser</source>
        <translation>Tabellen&amp;browser</translation>
    </message>
</context>
<context>
    <name>tw::ui::BrowserPage</name>
    <message>
        <source>Close Table</source>
        <translation>Tabelle schließen</translation>
    </message>
    <message>
        <source>%1 has edits that are not committed. Close it and drop them?</source>
        <translation>%1 hat nicht festgeschriebene Änderungen. Trotzdem schließen und die Änderungen verwerfen?</translation>
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
    <name>tw::ui::ErrorText</name>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>tw::ui::FilterParser</name>
    <message>
        <source>a value is missing after the operator</source>
        <translation>nach dem Operator fehlt ein Wert</translation>
    </message>
    <message>
        <source>an empty value in the list</source>
        <translation>ein leerer Wert in der Liste</translation>
    </message>
    <message>
        <source>a range needs both ends: low..high</source>
        <translation>ein Bereich braucht beide Grenzen: von..bis</translation>
    </message>
</context>
<context>
    <name>tw::ui::FilterRow</name>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Filter %1: text (contains), =x, !=x, &lt;x, &lt;=x, &gt;x, &gt;=x, a..b, in a,b,c, ~x, like p, NULL, !NULL; \ takes the rest literally</source>
        <translation>Filter für %1: Text (enthält), =x, !=x, &lt;x, &lt;=x, &gt;x, &gt;=x, a..b, in a,b,c, ~x, like p, NULL, !NULL; \ nimmt den Rest wörtlich</translation>
    </message>
</context>
<context>
    <name>tw::ui::HexText</name>
    <message>
        <source>… %1 more bytes not shown (save to a file to see them)
</source>
        <translation>… %1 weitere Bytes nicht angezeigt (zum Ansehen in einer Datei speichern)
</translation>
    </message>
    <message numerus="yes">
        <source>x&apos;%1&apos; (%n byte(s))</source>
        <translation>
            <numerusform>x&apos;%1&apos; (%n Byte)</numerusform>
            <numerusform>x&apos;%1&apos; (%n Bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tw::ui::JsonEditorDialog</name>
    <message>
        <source>Edit JSON: %1</source>
        <translation>JSON bearbeiten: %1</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Formatieren</translation>
    </message>
    <message>
        <source>Indent the JSON. Object keys are sorted, which plain json columns keep as typed.</source>
        <translation>Rückt das JSON ein. Objektschlüssel werden dabei sortiert; einfache json-Spalten speichern sie so, wie sie dastehen.</translation>
    </message>
    <message>
        <source>empty: JSON needs a value (use NULL for no value)</source>
        <translation>leer: JSON braucht einen Wert (NULL für keinen Wert verwenden)</translation>
    </message>
    <message>
        <source>%1 at character %2</source>
        <translation>%1 bei Zeichen %2</translation>
    </message>
    <message>
        <source>Valid JSON.</source>
        <translation>Gültiges JSON.</translation>
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
        <translation>
            <numerusform>%n Verbindung konfiguriert</numerusform>
            <numerusform>%n Verbindungen konfiguriert</numerusform>
        </translation>
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
        <source>Open SQLite File</source>
        <translation>SQLite-Datei öffnen</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.sqlite *.sqlite3 *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Mit %1 verbunden</translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation>%1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
</context>
<context>
    <name>tw::ui::ObjectDetailsView</name>
    <message>
        <source>&amp;Copy DDL</source>
        <translation>DDL &amp;kopieren</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>DDL</source>
        <translation>DDL</translation>
    </message>
    <message>
        <source>Select an object to see its properties and DDL.</source>
        <translation>Wählen Sie ein Objekt, um seine Eigenschaften und seine DDL zu sehen.</translation>
    </message>
</context>
<context>
    <name>tw::ui::PolicyMatrixModel</name>
    <message>
        <source>%1 (readonly)</source>
        <translation>%1 (schreibgeschützt)</translation>
    </message>
    <message>
        <source>A readonly connection refuses writes, deletes and migrations whoever asks.</source>
        <translation>Eine schreibgeschützte Verbindung lehnt Schreibzugriffe, Löschungen und Migrationen ab, egal wer sie anfordert.</translation>
    </message>
    <message>
        <source>readonly</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>The policy grants %1, but the connection is readonly: refused.</source>
        <translation>Die Richtlinie erlaubt %1, aber die Verbindung ist schreibgeschützt: abgelehnt.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>write</source>
        <translation>schreiben</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <source>migrate</source>
        <translation>migrieren</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
</context>
<context>
    <name>tw::ui::RequestLogModel</name>
    <message>
        <source>Route: %1</source>
        <translation>Route: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>Dauer (ms)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>Anfrage-ID</translation>
    </message>
</context>
<context>
    <name>tw::ui::RowDetailDialog</name>
    <message>
        <source>Row %1 of %2</source>
        <translation>Zeile %1 aus %2</translation>
    </message>
    <message>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message>
        <source>Edit row %1</source>
        <translation>Zeile %1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>tw::ui::SchemaFeature</name>
    <message>
        <source>&amp;Refresh Schema</source>
        <translation>Schema &amp;neu laden</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n object(s)</source>
        <translation>
            <numerusform>%1: %n Objekt</numerusform>
            <numerusform>%1: %n Objekte</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Schema</source>
        <translation>&amp;Schema</translation>
    </message>
</context>
<context>
    <name>tw::ui::SchemaPage</name>
    <message>
        <source>Reload the schema (F5)</source>
        <translation>Schema neu laden (F5)</translation>
    </message>
    <message>
        <source>Search tables, columns, indexes…</source>
        <translation>Tabellen, Spalten, Indizes suchen…</translation>
    </message>
    <message>
        <source>Reading the schema of %1…</source>
        <translation>Schema von %1 wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s), read in %1 ms</source>
        <translation>
            <numerusform>%n Objekt, gelesen in %1 ms</numerusform>
            <numerusform>%n Objekte, gelesen in %1 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>The schema could not be read.</source>
        <translation>Das Schema konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Some parts could not be read: %1</source>
        <translation>Einige Teile konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&amp;Browse Rows</source>
        <translation>Zeilen &amp;durchsuchen</translation>
    </message>
    <message>
        <source>Copy &amp;Name</source>
        <translation>&amp;Namen kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;DDL</source>
        <translation>&amp;DDL kopieren</translation>
    </message>
    <message>
        <source>Stop reading the schema</source>
        <translation>Lesen des Schemas abbrechen</translation>
    </message>
    <message>
        <source>Reading the schema was stopped.</source>
        <translation>Das Lesen des Schemas wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>tw::ui::SchemaText</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Partitioned table</source>
        <translation>Partitionierte Tabelle</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <source>Materialized view</source>
        <translation>Materialisierte Sicht</translation>
    </message>
    <message>
        <source>Foreign table</source>
        <translation>Fremdtabelle</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Constraint</source>
        <translation>Constraint</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Sequenz</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Prozedur</translation>
    </message>
    <message>
        <source>Enum type</source>
        <translation>Aufzählungstyp</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>Composite type</source>
        <translation>Zusammengesetzter Typ</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Erweiterung</translation>
    </message>
    <message>
        <source>~%1 rows</source>
        <translation>~%1 Zeilen</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n Spalte</numerusform>
            <numerusform>%n Spalten</numerusform>
        </translation>
    </message>
    <message>
        <source>primary key (%1)</source>
        <translation>Primärschlüssel (%1)</translation>
    </message>
    <message>
        <source>foreign key → %1(%2)</source>
        <translation>Fremdschlüssel → %1(%2)</translation>
    </message>
    <message>
        <source>unique (%1)</source>
        <translation>eindeutig (%1)</translation>
    </message>
    <message>
        <source>check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>exclusion</source>
        <translation>Ausschluss</translation>
    </message>
    <message>
        <source>unique %1</source>
        <translation>eindeutig, %1</translation>
    </message>
    <message>
        <source>enum (%1)</source>
        <translation>Aufzählung (%1)</translation>
    </message>
    <message>
        <source>domain over %1</source>
        <translation>Domäne über %1</translation>
    </message>
    <message numerus="yes">
        <source>composite, %n attribute(s)</source>
        <translation>
            <numerusform>zusammengesetzt, %n Attribut</numerusform>
            <numerusform>zusammengesetzt, %n Attribute</numerusform>
        </translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Row estimate</source>
        <translation>Geschätzte Zeilen</translation>
    </message>
    <message>
        <source>Table size</source>
        <translation>Tabellengröße</translation>
    </message>
    <message>
        <source>Index size</source>
        <translation>Indexgröße</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>Partitionsschlüssel</translation>
    </message>
    <message>
        <source>Partition of</source>
        <translation>Partition von</translation>
    </message>
    <message>
        <source>Partition bound</source>
        <translation>Partitionsgrenzen</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <source>Foreign server</source>
        <translation>Fremdserver</translation>
    </message>
    <message>
        <source>Foreign options</source>
        <translation>Fremdoptionen</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Readable</source>
        <translation>Lesbar</translation>
    </message>
    <message>
        <source>no: the connected role may not read its rows</source>
        <translation>nein: die verbundene Rolle darf ihre Zeilen nicht lesen</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>Datentyp</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Increment</source>
        <translation>Schrittweite</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Cycles</source>
        <translation>Zyklisch</translation>
    </message>
    <message>
        <source>Owned by</source>
        <translation>Gehört zu</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatilität</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Base type</source>
        <translation>Basistyp</translation>
    </message>
    <message>
        <source>Not null</source>
        <translation>Nicht NULL</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standardwert</translation>
    </message>
    <message>
        <source>Collation</source>
        <translation>Sortierfolge</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Generiert</translation>
    </message>
    <message>
        <source>primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <source>foreign key</source>
        <translation>Fremdschlüssel</translation>
    </message>
    <message>
        <source>unique</source>
        <translation>eindeutig</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Verweist auf</translation>
    </message>
    <message>
        <source>On update</source>
        <translation>Bei Änderung</translation>
    </message>
    <message>
        <source>On delete</source>
        <translation>Bei Löschung</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Deferrable</source>
        <translation>Aufschiebbar</translation>
    </message>
    <message>
        <source>initially deferred</source>
        <translation>anfangs aufgeschoben</translation>
    </message>
    <message>
        <source>initially immediate</source>
        <translation>anfangs sofort</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Validiert</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Unique</source>
        <translation>Eindeutig</translation>
    </message>
    <message>
        <source>Primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Eingeschlossen</translation>
    </message>
    <message>
        <source>Predicate</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inherits</source>
        <translation>Erbt von</translation>
    </message>
    <message>
        <source>Of type</source>
        <translation>Vom Typ</translation>
    </message>
    <message>
        <source>Row-level security</source>
        <translation>Sicherheit auf Zeilenebene</translation>
    </message>
    <message>
        <source>on, also for the owner</source>
        <translation>an, auch für den Eigentümer</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>always, on replicas too</source>
        <translation>immer, auch auf Replikaten</translation>
    </message>
    <message>
        <source>on replicas only</source>
        <translation>nur auf Replikaten</translation>
    </message>
</context>
<context>
    <name>tw::ui::SchemaTreeModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Partitioned tables</source>
        <translation>Partitionierte Tabellen</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Sichten</translation>
    </message>
    <message>
        <source>Materialized views</source>
        <translation>Materialisierte Sichten</translation>
    </message>
    <message>
        <source>Foreign tables</source>
        <translation>Fremdtabellen</translation>
    </message>
    <message>
        <source>Sequences</source>
        <translation>Sequenzen</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Prozeduren</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Erweiterungen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Keys and constraints</source>
        <translation>Schlüssel und Constraints</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>Partitionen</translation>
    </message>
</context>
<context>
    <name>tw::ui::SearchDialog</name>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Search Database</source>
        <translation>Datenbank durchsuchen</translation>
    </message>
    <message>
        <source>Text to find in every table</source>
        <translation>Text, der in allen Tabellen gesucht wird</translation>
    </message>
    <message>
        <source>Double-click a match to open its table</source>
        <translation>Doppelklick auf einen Treffer öffnet seine Tabelle</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source>Search Database — %1</source>
        <translation>Datenbank durchsuchen — %1</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>Alle Tabellen</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>Suche abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n table(s) searched</source>
        <translation>
            <numerusform>in %n durchsuchten Tabelle</numerusform>
            <numerusform>in %n durchsuchten Tabellen</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 ms).</source>
        <translation> (%1 ms).</translation>
    </message>
    <message>
        <source>There may be more matches.</source>
        <translation>Es kann weitere Treffer geben.</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n weitere</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Not searched: %1.</source>
        <translation>Nicht durchsucht: %1.</translation>
    </message>
</context>
<context>
    <name>tw::ui::SearchFeature</name>
    <message>
        <source>&amp;Search Database…</source>
        <translation>Datenbank &amp;durchsuchen…</translation>
    </message>
    <message>
        <source>Open a connection first.</source>
        <translation>Öffnen Sie zuerst eine Verbindung.</translation>
    </message>
</context>
<context>
    <name>tw::ui::SearchResultsModel</name>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Treffer</translation>
    </message>
</context>
<context>
    <name>tw::ui::TableModel</name>
    <message>
        <source>Insert row</source>
        <translation>Zeile einfügen</translation>
    </message>
    <message>
        <source>DEFAULT</source>
        <translation>DEFAULT</translation>
    </message>
    <message>
        <source>Shortened: open the cell to load the whole value.</source>
        <translation>Gekürzt: Öffnen Sie die Zelle, um den ganzen Wert zu laden.</translation>
    </message>
    <message>
        <source>not null</source>
        <translation>nicht NULL</translation>
    </message>
    <message>
        <source>default %1</source>
        <translation>Standardwert %1</translation>
    </message>
    <message>
        <source>generated (read-only)</source>
        <translation>generiert (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Set %1 to NULL</source>
        <translation>%1 auf NULL setzen</translation>
    </message>
    <message>
        <source>Set %1 to DEFAULT</source>
        <translation>%1 auf DEFAULT setzen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n row(s)</source>
        <translation>
            <numerusform>%n Zeile löschen</numerusform>
            <numerusform>%n Zeilen löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
</context>
<context>
    <name>tw::ui::TableTab</name>
    <message>
        <source>WHERE … (SQL condition, run read-only)</source>
        <translation>WHERE … (SQL-Bedingung, schreibgeschützt ausgeführt)</translation>
    </message>
    <message>
        <source>Loading rows failed</source>
        <translation>Laden der Zeilen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing was written: rows changed since you loaded them (marked). Your edits are kept</source>
        <translation>Nichts wurde geschrieben: Zeilen wurden seit dem Laden geändert (markiert). Ihre Änderungen bleiben erhalten</translation>
    </message>
    <message>
        <source>Nothing was written; your edits are kept</source>
        <translation>Nichts wurde geschrieben; Ihre Änderungen bleiben erhalten</translation>
    </message>
    <message>
        <source>Committed: %1 updated, %2 inserted, %3 deleted.</source>
        <translation>Festgeschrieben: %1 geändert, %2 eingefügt, %3 gelöscht.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Add Row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Delete Rows</source>
        <translation>Zeilen löschen</translation>
    </message>
    <message>
        <source>Set NULL</source>
        <translation>Auf NULL setzen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Festschreiben</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Count Rows</source>
        <translation>Zeilen zählen</translation>
    </message>
    <message>
        <source>Row Details</source>
        <translation>Zeilendetails</translation>
    </message>
    <message>
        <source>Go to Referenced Row</source>
        <translation>Zur referenzierten Zeile</translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Reading the table&apos;s columns…</source>
        <translation>Spalten der Tabelle werden gelesen…</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Some filters cannot be read and are left out (hover a red box for why).</source>
        <translation>Einige Filter sind ungültig und werden ignoriert (den Grund zeigt der Tooltip des roten Felds).</translation>
    </message>
    <message>
        <source>%1 cannot be sorted: its type (%2) has no order.</source>
        <translation>%1 kann nicht sortiert werden: Der Typ (%2) hat keine Ordnung.</translation>
    </message>
    <message>
        <source>row count unknown</source>
        <translation>Zeilenanzahl unbekannt</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>about %1 rows (estimate; Count Rows for the exact number)</source>
        <translation>ca. %1 Zeilen (Schätzung; „Zeilen zählen“ liefert die genaue Anzahl)</translation>
    </message>
    <message>
        <source>rows %1–%2</source>
        <translation>Zeilen %1–%2</translation>
    </message>
    <message>
        <source>sorted by %1</source>
        <translation>sortiert nach %1</translation>
    </message>
    <message>
        <source>Stop Counting</source>
        <translation>Zählen abbrechen</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Loading the whole value…</source>
        <translation>Der ganze Wert wird geladen…</translation>
    </message>
    <message>
        <source>Nothing pasted: the range does not fit, or it covers cells that cannot be edited.</source>
        <translation>Nichts eingefügt: Der Bereich passt nicht oder enthält Zellen, die nicht bearbeitet werden können.</translation>
    </message>
    <message numerus="yes">
        <source>Set %n cell(s) to NULL</source>
        <translation>
            <numerusform>%n Zelle auf NULL setzen</numerusform>
            <numerusform>%n Zellen auf NULL setzen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is NULL: it references no row.</source>
        <translation>%1 ist NULL: Es wird keine Zeile referenziert.</translation>
    </message>
    <message>
        <source>Edit Value…</source>
        <translation>Wert bearbeiten…</translation>
    </message>
    <message>
        <source>Binary Value (Load / Save File)…</source>
        <translation>Binärwert (Datei laden / speichern)…</translation>
    </message>
    <message>
        <source>Row Details…</source>
        <translation>Zeilendetails…</translation>
    </message>
    <message>
        <source>counting rows…</source>
        <translation>Zeilen werden gezählt…</translation>
    </message>
    <message>
        <source>counting rows… (about %1)</source>
        <translation>Zeilen werden gezählt… (ca. %1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>staged: %1</source>
        <translation>vorgemerkt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) changed</source>
        <translation>
            <numerusform>%n Zelle geändert</numerusform>
            <numerusform>%n Zellen geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new row(s)</source>
        <translation>
            <numerusform>%n neue Zeile</numerusform>
            <numerusform>%n neue Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) to delete</source>
        <translation>
            <numerusform>%n Zeile zu löschen</numerusform>
            <numerusform>%n Zeilen zu löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Wiederholen: %1</translation>
    </message>
    <message>
        <source>Copy as REST URL</source>
        <translation>Als REST-URL kopieren</translation>
    </message>
    <message>
        <source>Copy as postgrest-js</source>
        <translation>Als postgrest-js kopieren</translation>
    </message>
    <message>
        <source>Copy as REST</source>
        <translation>Als REST kopieren</translation>
    </message>
    <message>
        <source>Copy the filters and sort on screen as a REST API request</source>
        <translation>Die angezeigten Filter und die Sortierung als REST-API-Anfrage kopieren</translation>
    </message>
    <message>
        <source>postgrest-js snippet copied to the clipboard</source>
        <translation>postgrest-js-Code in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <source>REST URL copied to the clipboard</source>
        <translation>REST-URL in die Zwischenablage kopiert</translation>
    </message>
    <message numerus="yes">
        <source> (%n condition(s) not said exactly: see its comment lines)</source>
        <translation>
            <numerusform> (%n Bedingung nicht genau wiedergegeben: siehe die Kommentarzeilen)</numerusform>
            <numerusform> (%n Bedingungen nicht genau wiedergegeben: siehe die Kommentarzeilen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tw::ui::TextValueDialog</name>
    <message>
        <source>Value: %1</source>
        <translation>Wert: %1</translation>
    </message>
</context>
</TS>
