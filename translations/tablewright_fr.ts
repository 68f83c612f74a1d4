<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
    <name>tw::Error</name>
    <message>
        <source>Something went wrong inside Tablewright. The details below say what.</source>
        <translation>Une erreur s&apos;est produite dans Tablewright. Les détails ci-dessous l&apos;expliquent.</translation>
    </message>
    <message>
        <source>The object you asked for does not exist.</source>
        <translation>L&apos;objet demandé n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The table does not exist, or you cannot see it.</source>
        <translation>La table n&apos;existe pas, ou vous ne pouvez pas la voir.</translation>
    </message>
    <message>
        <source>The input is not valid. Correct it and try again.</source>
        <translation>La saisie n&apos;est pas valide. Corrigez-la et réessayez.</translation>
    </message>
    <message>
        <source>The configuration file has an error. Fix the field named below.</source>
        <translation>Le fichier de configuration contient une erreur. Corrigez le champ indiqué ci-dessous.</translation>
    </message>
    <message>
        <source>Someone else changed this data. Reload it, then apply your change again.</source>
        <translation>Quelqu&apos;un d&apos;autre a modifié ces données. Rechargez-les, puis appliquez à nouveau votre modification.</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>Vous n&apos;avez pas l&apos;autorisation de faire cela.</translation>
    </message>
    <message>
        <source>Sign in again: your credentials were missing or not accepted.</source>
        <translation>Reconnectez-vous : vos identifiants manquaient ou n&apos;ont pas été acceptés.</translation>
    </message>
    <message>
        <source>The database is busy. Try again in a moment.</source>
        <translation>La base de données est occupée. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The connection is closing. Open it again.</source>
        <translation>La connexion est en cours de fermeture. Ouvrez-la à nouveau.</translation>
    </message>
    <message>
        <source>The database cannot be reached. Check that the server is running and the connection settings are right.</source>
        <translation>La base de données est injoignable. Vérifiez que le serveur fonctionne et que les paramètres de connexion sont corrects.</translation>
    </message>
    <message>
        <source>The database refused the statement.</source>
        <translation>La base de données a refusé l&apos;instruction.</translation>
    </message>
    <message>
        <source>The query was cancelled.</source>
        <translation>La requête a été annulée.</translation>
    </message>
    <message>
        <source>The change breaks a rule of the database (a key, a reference or a check).</source>
        <translation>La modification enfreint une règle de la base de données (une clé, une référence ou une vérification).</translation>
    </message>
    <message>
        <source>The database is locked by another writer. Try again in a moment.</source>
        <translation>La base de données est verrouillée par une autre écriture. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The password could not be read from the system keychain.</source>
        <translation>Le mot de passe n&apos;a pas pu être lu dans le trousseau du système.</translation>
    </message>
    <message>
        <source>An applied migration file was changed after it ran.</source>
        <translation>Un fichier de migration déjà appliqué a été modifié après son exécution.</translation>
    </message>
    <message>
        <source>Another migration is running on this database.</source>
        <translation>Une autre migration est en cours sur cette base de données.</translation>
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
    <name>tw::ui::ErrorText</name>
    <message>
        <source>Details: %1</source>
        <translation>Détails : %1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Conseil : %1</translation>
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
        <translation>
            <numerusform>%n connexion configurée</numerusform>
            <numerusform>%n connexions configurées</numerusform>
        </translation>
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
        <source>Open SQLite File</source>
        <translation>Ouvrir un fichier SQLite</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation>Bases SQLite (*.sqlite *.sqlite3 *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Connecté à %1</translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation>Impossible d&apos;ouvrir %1.</translation>
    </message>
</context>
<context>
    <name>tw::ui::ObjectDetailsView</name>
    <message>
        <source>&amp;Copy DDL</source>
        <translation>&amp;Copier le DDL</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Propriété</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>DDL</source>
        <translation>DDL</translation>
    </message>
    <message>
        <source>Select an object to see its properties and DDL.</source>
        <translation>Sélectionnez un objet pour voir ses propriétés et son DDL.</translation>
    </message>
</context>
<context>
    <name>tw::ui::SchemaFeature</name>
    <message>
        <source>&amp;Refresh Schema</source>
        <translation>&amp;Actualiser le schéma</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n object(s)</source>
        <translation>
            <numerusform>%1 : %n objet</numerusform>
            <numerusform>%1 : %n objets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tw::ui::SchemaPage</name>
    <message>
        <source>Reload the schema (F5)</source>
        <translation>Recharger le schéma (F5)</translation>
    </message>
    <message>
        <source>Search tables, columns, indexes…</source>
        <translation>Rechercher tables, colonnes, index…</translation>
    </message>
    <message>
        <source>Reading the schema of %1…</source>
        <translation>Lecture du schéma de %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s), read in %1 ms</source>
        <translation>
            <numerusform>%n objet, lu en %1 ms</numerusform>
            <numerusform>%n objets, lus en %1 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>The schema could not be read.</source>
        <translation>Le schéma n&apos;a pas pu être lu.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Some parts could not be read: %1</source>
        <translation>Certaines parties n&apos;ont pas pu être lues : %1</translation>
    </message>
    <message>
        <source>&amp;Browse Rows</source>
        <translation>&amp;Parcourir les lignes</translation>
    </message>
    <message>
        <source>Copy &amp;Name</source>
        <translation>Copier le &amp;nom</translation>
    </message>
    <message>
        <source>Copy &amp;DDL</source>
        <translation>Copier le &amp;DDL</translation>
    </message>
    <message>
        <source>Stop reading the schema</source>
        <translation>Arrêter la lecture du schéma</translation>
    </message>
    <message>
        <source>Reading the schema was stopped.</source>
        <translation>La lecture du schéma a été arrêtée.</translation>
    </message>
</context>
<context>
    <name>tw::ui::SchemaText</name>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schéma</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Partitioned table</source>
        <translation>Table partitionnée</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Vue</translation>
    </message>
    <message>
        <source>Materialized view</source>
        <translation>Vue matérialisée</translation>
    </message>
    <message>
        <source>Foreign table</source>
        <translation>Table étrangère</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Constraint</source>
        <translation>Contrainte</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Déclencheur</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procédure</translation>
    </message>
    <message>
        <source>Enum type</source>
        <translation>Type énuméré</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Composite type</source>
        <translation>Type composite</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Extension</translation>
    </message>
    <message>
        <source>~%1 rows</source>
        <translation>~%1 lignes</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n colonne</numerusform>
            <numerusform>%n colonnes</numerusform>
        </translation>
    </message>
    <message>
        <source>primary key (%1)</source>
        <translation>clé primaire (%1)</translation>
    </message>
    <message>
        <source>foreign key → %1(%2)</source>
        <translation>clé étrangère → %1(%2)</translation>
    </message>
    <message>
        <source>unique (%1)</source>
        <translation>unique (%1)</translation>
    </message>
    <message>
        <source>check</source>
        <translation>vérification</translation>
    </message>
    <message>
        <source>exclusion</source>
        <translation>exclusion</translation>
    </message>
    <message>
        <source>unique %1</source>
        <translation>%1 unique</translation>
    </message>
    <message>
        <source>enum (%1)</source>
        <translation>énumération (%1)</translation>
    </message>
    <message>
        <source>domain over %1</source>
        <translation>domaine sur %1</translation>
    </message>
    <message numerus="yes">
        <source>composite, %n attribute(s)</source>
        <translation>
            <numerusform>composite, %n attribut</numerusform>
            <numerusform>composite, %n attributs</numerusform>
        </translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Row estimate</source>
        <translation>Lignes estimées</translation>
    </message>
    <message>
        <source>Table size</source>
        <translation>Taille de la table</translation>
    </message>
    <message>
        <source>Index size</source>
        <translation>Taille des index</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>Clé de partitionnement</translation>
    </message>
    <message>
        <source>Partition of</source>
        <translation>Partition de</translation>
    </message>
    <message>
        <source>Partition bound</source>
        <translation>Bornes de partition</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Dépend de</translation>
    </message>
    <message>
        <source>Foreign server</source>
        <translation>Serveur distant</translation>
    </message>
    <message>
        <source>Foreign options</source>
        <translation>Options distantes</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Readable</source>
        <translation>Lisible</translation>
    </message>
    <message>
        <source>no: the connected role may not read its rows</source>
        <translation>non : le rôle connecté ne peut pas lire ses lignes</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>Type de données</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Increment</source>
        <translation>Incrément</translation>
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
        <translation>Cyclique</translation>
    </message>
    <message>
        <source>Owned by</source>
        <translation>Appartient à</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Retourne</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langage</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatilité</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>Base type</source>
        <translation>Type de base</translation>
    </message>
    <message>
        <source>Not null</source>
        <translation>Non NULL</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Valeur par défaut</translation>
    </message>
    <message>
        <source>Collation</source>
        <translation>Collation</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Vérifications</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attributs</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Générée</translation>
    </message>
    <message>
        <source>primary key</source>
        <translation>clé primaire</translation>
    </message>
    <message>
        <source>foreign key</source>
        <translation>clé étrangère</translation>
    </message>
    <message>
        <source>unique</source>
        <translation>unique</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Définition</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>On update</source>
        <translation>En cas de mise à jour</translation>
    </message>
    <message>
        <source>On delete</source>
        <translation>En cas de suppression</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <source>Deferrable</source>
        <translation>Différable</translation>
    </message>
    <message>
        <source>initially deferred</source>
        <translation>initialement différée</translation>
    </message>
    <message>
        <source>initially immediate</source>
        <translation>initialement immédiate</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Validée</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Unique</source>
        <translation>Unique</translation>
    </message>
    <message>
        <source>Primary key</source>
        <translation>Clé primaire</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Clés</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Inclus</translation>
    </message>
    <message>
        <source>Predicate</source>
        <translation>Prédicat</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Moment</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Inherits</source>
        <translation>Hérite de</translation>
    </message>
    <message>
        <source>Of type</source>
        <translation>Du type</translation>
    </message>
    <message>
        <source>Row-level security</source>
        <translation>Sécurité au niveau des lignes</translation>
    </message>
    <message>
        <source>on, also for the owner</source>
        <translation>activée, aussi pour le propriétaire</translation>
    </message>
    <message>
        <source>on</source>
        <translation>activée</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Politiques</translation>
    </message>
    <message>
        <source>always, on replicas too</source>
        <translation>toujours, aussi sur les réplicas</translation>
    </message>
    <message>
        <source>on replicas only</source>
        <translation>sur les réplicas seulement</translation>
    </message>
</context>
<context>
    <name>tw::ui::SchemaTreeModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>Partitioned tables</source>
        <translation>Tables partitionnées</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>Materialized views</source>
        <translation>Vues matérialisées</translation>
    </message>
    <message>
        <source>Foreign tables</source>
        <translation>Tables étrangères</translation>
    </message>
    <message>
        <source>Sequences</source>
        <translation>Séquences</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>Fonctions</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Procédures</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Types</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Extensions</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Keys and constraints</source>
        <translation>Clés et contraintes</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Déclencheurs</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>Partitions</translation>
    </message>
</context>
</TS>
