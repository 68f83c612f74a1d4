<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr">
<context>
    <name>main</name>
    <message>
        <source>Administration for PostgreSQL and SQLite.</source>
        <translation>Administration de PostgreSQL et SQLite.</translation>
    </message>
    <message>
        <source>Configuration file.</source>
        <translation>Fichier de configuration.</translation>
    </message>
    <message>
        <source>Open the demo database (created if missing).</source>
        <translation>Ouvrir la base de démonstration (créée si absente).</translation>
    </message>
    <message>
        <source>Where the demo database lives.</source>
        <translation>Emplacement de la base de démonstration.</translation>
    </message>
    <message>
        <source>Write JSON-lines logs to this file.</source>
        <translation>Écrire les journaux JSON Lines dans ce fichier.</translation>
    </message>
    <message>
        <source>SQLite files to open.</source>
        <translation>Fichiers SQLite à ouvrir.</translation>
    </message>
    <message>
        <source>Configuration error</source>
        <translation>Erreur de configuration</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>Base de démonstration</translation>
    </message>
</context>
<context>
    <name>tw::ui::ConnectionListModel</name>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
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
        <translation>Aucune connexion configurée.
Utilisez Fichier → Ouvrir un fichier SQLite… ou ajoutez des connexions au fichier de configuration.</translation>
    </message>
    <message>
        <source>Double-click a connection to open it.</source>
        <translation>Double-cliquez sur une connexion pour l’ouvrir.</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) configured</source>
        <translation><numerusform>%n connexion configurée</numerusform><numerusform>%n connexions configurées</numerusform></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open SQLite File…</source>
        <translation>&amp;Ouvrir un fichier SQLite…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Connexion</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>&amp;Refresh Tables</source>
        <translation>&amp;Actualiser les tables</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Tablewright</source>
        <translation>À &amp;propos de Tablewright</translation>
    </message>
    <message>
        <source>About Tablewright</source>
        <translation>À propos de Tablewright</translation>
    </message>
    <message>
        <source>Tablewright %1
Administration for PostgreSQL and SQLite.</source>
        <translation>Tablewright %1
Administration de PostgreSQL et SQLite.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Reading the tables of %1…</source>
        <translation>Lecture des tables de %1…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n table(s) and view(s)</source>
        <translation><numerusform>%1 : %n table ou vue</numerusform><numerusform>%1 : %n tables et vues</numerusform></translation>
    </message>
    <message>
        <source>Could not open %1.

%2</source>
        <translation>Impossible d’ouvrir %1.

%2</translation>
    </message>
    <message>
        <source>Open SQLite File</source>
        <translation>Ouvrir un fichier SQLite</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation>Bases SQLite (*.sqlite *.sqlite3 *.db);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>tw::ui::TableListPanel</name>
    <message>
        <source>Filter tables…</source>
        <translation>Filtrer les tables…</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n table(s)</source>
        <translation><numerusform>%1 — %n table</numerusform><numerusform>%1 — %n tables</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>, %n view(s)</source>
        <translation><numerusform>, %n vue</numerusform><numerusform>, %n vues</numerusform></translation>
    </message>
</context>
</TS>