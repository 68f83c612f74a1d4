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
    <name>tw::ui::MigrationConfirmDialog</name>
    <message>
        <source>apply</source>
        <translation>anwenden</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>fortsetzen</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>rückgängig machen</translation>
    </message>
    <message>
        <source>re-apply</source>
        <translation>erneut anwenden</translation>
    </message>
    <message>
        <source>Step / statement</source>
        <translation>Schritt / Anweisung</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Undo Migrations</source>
        <translation>Migrationen rückgängig machen</translation>
    </message>
    <message>
        <source>Apply Migrations</source>
        <translation>Migrationen anwenden</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig machen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>%1. %2 %3</source>
        <translation>%1. %2 %3</translation>
    </message>
    <message>
        <source>without a transaction (%1)</source>
        <translation>ohne Transaktion (%1)</translation>
    </message>
    <message>
        <source>Runs statement by statement outside a transaction; a failure leaves it partial and Up resumes it from the failed statement.</source>
        <translation>Wird Anweisung für Anweisung außerhalb einer Transaktion ausgeführt; ein Fehler hinterlässt die Migration teilweise angewendet, und „Up“ setzt sie ab der fehlgeschlagenen Anweisung fort.</translation>
    </message>
    <message>
        <source>(already ran) %1</source>
        <translation>(bereits ausgeführt) %1</translation>
    </message>
    <message numerus="yes">
        <source>Undo %n migration(s)</source>
        <translation>
            <numerusform>%n Migration rückgängig machen</numerusform>
            <numerusform>%n Migrationen rückgängig machen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply %n migration(s)</source>
        <translation>
            <numerusform>%n Migration anwenden</numerusform>
            <numerusform>%n Migrationen anwenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 on %2: %n statement(s), in this order.</source>
        <translation>
            <numerusform>%1 auf %2: %n Anweisung, in dieser Reihenfolge.</numerusform>
            <numerusform>%1 auf %2: %n Anweisungen, in dieser Reihenfolge.</numerusform>
        </translation>
    </message>
    <message>
        <source>All steps run in one transaction: any failure rolls every one of them back.</source>
        <translation>Alle Schritte laufen in einer einzigen Transaktion: Jeder Fehler rollt sie alle zurück.</translation>
    </message>
    <message>
        <source>Each step runs in its own transaction with its history row; a failing step is rolled back and the ones after it do not run.</source>
        <translation>Jeder Schritt läuft in einer eigenen Transaktion, zusammen mit seinem Historieneintrag; ein fehlschlagender Schritt wird zurückgerollt, und die folgenden werden nicht ausgeführt.</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) run without a transaction (marked above).</source>
        <translation>
            <numerusform>%n Schritt läuft ohne Transaktion (oben markiert).</numerusform>
            <numerusform>%n Schritte laufen ohne Transaktion (oben markiert).</numerusform>
        </translation>
    </message>
    <message>
        <source>Lock: %1</source>
        <translation>Sperre: %1</translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationFileDetailsLoader</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Changes since it ran:</source>
        <translation>Änderungen seit der Ausführung:</translation>
    </message>
    <message>
        <source>The history row keeps no text for this run (a baseline, or a row written by another tool): the statements are compared by the hash recorded for each.</source>
        <translation>Der Historieneintrag enthält keinen Text zu dieser Ausführung (eine Baseline oder ein von einem anderen Werkzeug geschriebener Eintrag): Die Anweisungen werden anhand des jeweils gespeicherten Hashs verglichen.</translation>
    </message>
    <message>
        <source>Applied checksum:</source>
        <translation>Prüfsumme bei der Anwendung:</translation>
    </message>
    <message>
        <source>File checksum now:</source>
        <translation>Aktuelle Prüfsumme der Datei:</translation>
    </message>
    <message>
        <source>Statement %1 (line %2) changed since it ran:</source>
        <translation>Anweisung %1 (Zeile %2) wurde seit der Ausführung geändert:</translation>
    </message>
    <message>
        <source>Statement %1 (line %2) is new:</source>
        <translation>Anweisung %1 (Zeile %2) ist neu:</translation>
    </message>
    <message>
        <source>Statement %1 of the applied run is no longer in the file.</source>
        <translation>Anweisung %1 der angewendeten Ausführung ist nicht mehr in der Datei.</translation>
    </message>
    <message>
        <source>The history row records no statement hashes (baseline or an older run): only the checksums can be compared.</source>
        <translation>Der Historieneintrag enthält keine Hashes der Anweisungen (Baseline oder ältere Ausführung): Nur die Prüfsummen können verglichen werden.</translation>
    </message>
    <message numerus="yes">
        <source>All %n statement(s) that ran are unchanged: the edit is in comments or white space between statements.</source>
        <translation>
            <numerusform>Die %n ausgeführte Anweisung ist unverändert: Die Änderung betrifft Kommentare oder Leerraum zwischen Anweisungen.</numerusform>
            <numerusform>Alle %n ausgeführten Anweisungen sind unverändert: Die Änderung betrifft Kommentare oder Leerraum zwischen Anweisungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) unchanged.</source>
        <translation>
            <numerusform>%n Anweisung unverändert.</numerusform>
            <numerusform>%n Anweisungen unverändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revert the file to what ran, or run Repair to record the file&apos;s current checksum.</source>
        <translation>Setzen Sie die Datei auf den ausgeführten Stand zurück, oder führen Sie „Reparieren“ aus, um die aktuelle Prüfsumme der Datei zu übernehmen.</translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationRunView</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop between statements, and cancel the statement running now</source>
        <translation>Zwischen zwei Anweisungen anhalten und die gerade laufende Anweisung abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>The log of migration runs appears here.</source>
        <translation>Hier erscheint das Protokoll der Migrationsläufe.</translation>
    </message>
    <message>
        <source>Waiting for the migration lock, held by %1</source>
        <translation>Warten auf die Migrationssperre, gehalten von %1</translation>
    </message>
    <message>
        <source>step %1 of %2 — statement %3 of %4</source>
        <translation>Schritt %1 von %2 — Anweisung %3 von %4</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationStateStyle</name>
    <message>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Teilweise</translation>
    </message>
    <message>
        <source>Checksum changed</source>
        <translation>Prüfsumme geändert</translation>
    </message>
    <message>
        <source>Missing file</source>
        <translation>Datei fehlt</translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation>Außer der Reihe</translation>
    </message>
    <message>
        <source>Below baseline</source>
        <translation>Unter Baseline</translation>
    </message>
    <message>
        <source>Applied; the file is unchanged since.</source>
        <translation>Angewendet; die Datei ist seitdem unverändert.</translation>
    </message>
    <message>
        <source>Not applied yet: Up runs it.</source>
        <translation>Noch nicht angewendet: „Up“ führt sie aus.</translation>
    </message>
    <message>
        <source>The last attempt failed and was rolled back: the database is as before it. Fix the file, then run Up.</source>
        <translation>Der letzte Versuch ist fehlgeschlagen und wurde zurückgerollt: Die Datenbank ist im Zustand wie zuvor. Korrigieren Sie die Datei und führen Sie dann „Up“ aus.</translation>
    </message>
    <message>
        <source>A migration without a transaction stopped part-way. Up resumes it from the failed statement.</source>
        <translation>Eine Migration ohne Transaktion wurde mittendrin abgebrochen. „Up“ setzt sie ab der fehlgeschlagenen Anweisung fort.</translation>
    </message>
    <message>
        <source>The file changed after it was applied. Revert the edit, or run Repair to accept the file as it is now.</source>
        <translation>Die Datei wurde nach dem Anwenden geändert. Machen Sie die Änderung rückgängig, oder führen Sie „Reparieren“ aus, um die Datei im jetzigen Zustand zu übernehmen.</translation>
    </message>
    <message>
        <source>Applied, but its file is gone from the migrations directory. Restore it, or run Repair.</source>
        <translation>Angewendet, aber die Datei fehlt im Migrationsverzeichnis. Stellen Sie sie wieder her, oder führen Sie „Reparieren“ aus.</translation>
    </message>
    <message>
        <source>Pending, but a higher version is already applied: Up runs it only with out-of-order allowed.</source>
        <translation>Ausstehend, aber eine höhere Version ist bereits angewendet: „Up“ führt sie nur aus, wenn Versionen außer der Reihe erlaubt sind.</translation>
    </message>
    <message>
        <source>Older than the baseline: never run on this database.</source>
        <translation>Älter als die Baseline: wird auf dieser Datenbank nie ausgeführt.</translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationStatusModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Repeatable: re-applied whenever its checksum changes, after the versioned files.</source>
        <translation>Wiederholbar: wird nach den versionierten Dateien erneut angewendet, sobald sich ihre Prüfsumme ändert.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Zuletzt ausgeführt</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Anweisungen</translation>
    </message>
    <message>
        <source>Installed by</source>
        <translation>Installiert von</translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationsFeature</name>
    <message>
        <source>Open a connection first.</source>
        <translation>Öffnen Sie zuerst eine Verbindung.</translation>
    </message>
    <message>
        <source>&amp;Migrations</source>
        <translation>&amp;Migrationen</translation>
    </message>
    <message>
        <source>&amp;Migrations…</source>
        <translation>&amp;Migrationen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>A migration is running. Cancel it and quit? The statement running now is cancelled and its migration rolled back (or left partial for Up to resume).</source>
        <translation>Eine Migration läuft. Abbrechen und beenden? Die gerade laufende Anweisung wird abgebrochen und ihre Migration zurückgerollt (oder teilweise angewendet belassen, damit „Up“ sie fortsetzen kann).</translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationsPage</name>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Open a connection to see its migrations.</source>
        <translation>Öffnen Sie eine Verbindung, um ihre Migrationen zu sehen.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the files and the history again</source>
        <translation>Dateien und Historie neu einlesen</translation>
    </message>
    <message>
        <source>Up to Selected</source>
        <translation>Up bis zur Auswahl</translation>
    </message>
    <message>
        <source>Apply the pending migrations up to and including the selected version</source>
        <translation>Die ausstehenden Migrationen bis einschließlich der ausgewählten Version anwenden</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Apply every pending migration</source>
        <translation>Alle ausstehenden Migrationen anwenden</translation>
    </message>
    <message>
        <source>Down to Selected</source>
        <translation>Down bis zur Auswahl</translation>
    </message>
    <message>
        <source>Undo the applied migrations above the selected version, newest first, with their undo files</source>
        <translation>Die angewendeten Migrationen oberhalb der ausgewählten Version mit ihren Undo-Dateien rückgängig machen, die neueste zuerst</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Validieren</translation>
    </message>
    <message>
        <source>Check the files against the history: changed checksums, missing files, versions out of order</source>
        <translation>Dateien mit der Historie abgleichen: geänderte Prüfsummen, fehlende Dateien, Versionen außer der Reihe</translation>
    </message>
    <message>
        <source>Repair…</source>
        <translation>Reparieren…</translation>
    </message>
    <message>
        <source>Accept changed checksums and clear the rows of failed attempts</source>
        <translation>Geänderte Prüfsummen übernehmen und die Einträge fehlgeschlagener Versuche entfernen</translation>
    </message>
    <message>
        <source>Baseline…</source>
        <translation>Baseline…</translation>
    </message>
    <message>
        <source>Mark an existing database as being at a version, without running anything</source>
        <translation>Eine bestehende Datenbank als auf einem Versionsstand befindlich markieren, ohne etwas auszuführen</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Allow Out-of-Order Versions</source>
        <translation>Versionen außer der Reihe erlauben</translation>
    </message>
    <message>
        <source>Up also applies pending versions below the highest applied one</source>
        <translation>„Up“ wendet auch ausstehende Versionen unterhalb der höchsten angewendeten Version an</translation>
    </message>
    <message>
        <source>All Steps in One Transaction</source>
        <translation>Alle Schritte in einer Transaktion</translation>
    </message>
    <message>
        <source>Migrations — %1</source>
        <translation>Migrationen — %1</translation>
    </message>
    <message>
        <source>The connection %1 is not open.</source>
        <translation>Die Verbindung %1 ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No migrations directory&lt;/h3&gt;&lt;p&gt;The connection &lt;b&gt;%1&lt;/b&gt; has no &lt;code&gt;migrations:&lt;/code&gt; entry in the configuration file. Add one, pointing to the folder that holds the migration files (relative to the configuration file), then open the connection again:&lt;/p&gt;&lt;pre&gt;connections:
  - name: %1
    …
    migrations: ./migrations&lt;/pre&gt;&lt;p&gt;Files are named &lt;code&gt;V1__create_people.sql&lt;/code&gt; (apply), &lt;code&gt;U1__create_people.sql&lt;/code&gt; (undo) and &lt;code&gt;R__views.sql&lt;/code&gt; (repeatable); dbmate and golang-migrate folders are read as they are. &lt;code&gt;tablewright migrate new NAME --connection %1&lt;/code&gt; creates the next file.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kein Migrationsverzeichnis&lt;/h3&gt;&lt;p&gt;Die Verbindung &lt;b&gt;%1&lt;/b&gt; hat keinen Eintrag &lt;code&gt;migrations:&lt;/code&gt; in der Konfigurationsdatei. Fügen Sie einen hinzu, der auf den Ordner mit den Migrationsdateien zeigt (relativ zur Konfigurationsdatei), und öffnen Sie die Verbindung dann erneut:&lt;/p&gt;&lt;pre&gt;connections:
  - name: %1
    …
    migrations: ./migrations&lt;/pre&gt;&lt;p&gt;Die Dateien heißen &lt;code&gt;V1__create_people.sql&lt;/code&gt; (anwenden), &lt;code&gt;U1__create_people.sql&lt;/code&gt; (rückgängig machen) und &lt;code&gt;R__views.sql&lt;/code&gt; (wiederholbar); Ordner von dbmate und golang-migrate werden so gelesen, wie sie sind. &lt;code&gt;tablewright migrate new NAME --connection %1&lt;/code&gt; legt die nächste Datei an.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n migration(s) pending</source>
        <translation>
            <numerusform>%1: %n Migration ausstehend</numerusform>
            <numerusform>%1: %n Migrationen ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <source>No undo file: Down cannot undo this version.</source>
        <translation>Keine Undo-Datei: „Down“ kann diese Version nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>-- The file of this migration is not in the directory any more.
-- Applied as: %1</source>
        <translation>-- Die Datei dieser Migration ist nicht mehr im Verzeichnis.
-- Angewendet als: %1</translation>
    </message>
    <message>
        <source>-- Reading %1…</source>
        <translation>-- %1 wird gelesen…</translation>
    </message>
    <message>
        <source>Validating %1…</source>
        <translation>%1 wird validiert…</translation>
    </message>
    <message>
        <source>Repair Migration History</source>
        <translation>Migrationshistorie reparieren</translation>
    </message>
    <message>
        <source>Repair rewrites the history of %1: applied files whose checksum changed get their current checksum, the rows of failed (rolled back) attempts are removed, partial migrations stay for Up to resume. Nothing in the schema changes; the repair is recorded as its own history row.</source>
        <translation>Die Reparatur schreibt die Historie von %1 neu: Angewendete Dateien mit geänderter Prüfsumme erhalten ihre aktuelle Prüfsumme, die Einträge fehlgeschlagener (zurückgerollter) Versuche werden entfernt, teilweise angewendete Migrationen bleiben erhalten, damit „Up“ sie fortsetzen kann. Am Schema ändert sich nichts; die Reparatur wird als eigener Historieneintrag festgehalten.</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Reparieren</translation>
    </message>
    <message>
        <source>Repairing the history of %1…</source>
        <translation>Historie von %1 wird repariert…</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Baseline records that %1 already has the schema of the given version, without running any file: versions up to it are never run here. Only for a database that has no migration applied yet.</source>
        <translation>Eine Baseline hält fest, dass %1 bereits das Schema der angegebenen Version hat, ohne eine Datei auszuführen: Versionen bis einschließlich dieser werden hier nie ausgeführt. Nur für eine Datenbank, auf der noch keine Migration angewendet wurde.</translation>
    </message>
    <message>
        <source>Record Baseline</source>
        <translation>Baseline setzen</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Baseline: &quot;%1&quot; is not a version (use numbers like 3 or 1.2).</source>
        <translation>Baseline: „%1“ ist keine Version (Zahlen wie 3 oder 1.2 verwenden).</translation>
    </message>
    <message>
        <source>Recording a baseline at version %1…</source>
        <translation>Baseline wird auf Version %1 gesetzt…</translation>
    </message>
    <message>
        <source>Planning %1…</source>
        <translation>Planung: %1…</translation>
    </message>
    <message>
        <source>Cannot %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Nothing to apply.</source>
        <translation>Nichts anzuwenden.</translation>
    </message>
    <message>
        <source>Cancelled before anything ran.</source>
        <translation>Abgebrochen, bevor etwas ausgeführt wurde.</translation>
    </message>
    <message numerus="yes">
        <source>Undoing %n migration(s)…</source>
        <translation>
            <numerusform>%n Migration wird rückgängig gemacht…</numerusform>
            <numerusform>%n Migrationen werden rückgängig gemacht…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Applying %n migration(s)…</source>
        <translation>
            <numerusform>%n Migration wird angewendet…</numerusform>
            <numerusform>%n Migrationen werden angewendet…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message numerus="yes">
        <source>✓ %1 — %n statement(s), %2</source>
        <translation>
            <numerusform>✓ %1 — %n Anweisung, %2</numerusform>
            <numerusform>✓ %1 — %n Anweisungen, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>✗ %1 — %2</source>
        <translation>✗ %1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n migration(s): %1</source>
        <translation>
            <numerusform>Nach %n Migration angehalten: %1</numerusform>
            <numerusform>Nach %n Migrationen angehalten: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Applied %n migration(s).</source>
        <translation>
            <numerusform>%n Migration angewendet.</numerusform>
            <numerusform>%n Migrationen angewendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undid %n migration(s).</source>
        <translation>
            <numerusform>%n Migration rückgängig gemacht.</numerusform>
            <numerusform>%n Migrationen rückgängig gemacht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Valid: the files match the history.</source>
        <translation>Gültig: Die Dateien stimmen mit der Historie überein.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n Problem gefunden.</numerusform>
            <numerusform>%n Probleme gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>History repaired.</source>
        <translation>Historie repariert.</translation>
    </message>
    <message>
        <source>Baseline recorded.</source>
        <translation>Baseline gesetzt.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
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
