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
    <name>tw::ui::ApiFeature</name>
    <message>
        <source>&amp;API Server</source>
        <translation>Serveur A&amp;PI</translation>
    </message>
    <message>
        <source>API server listening on %1</source>
        <translation>Serveur API à l&apos;écoute sur %1</translation>
    </message>
    <message>
        <source>API server stopped</source>
        <translation>Serveur API arrêté</translation>
    </message>
</context>
<context>
    <name>tw::ui::ApiPanel</name>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>ADDRESS:PORT, e.g. 127.0.0.1:8080 or [::1]:8080; port 0 lets the system pick one.</source>
        <translation>ADRESSE:PORT, par ex. 127.0.0.1:8080 ou [::1]:8080 ; avec le port 0, le système en choisit un libre.</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>&amp;Écouter sur :</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>non démarré</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Co&amp;pier</translation>
    </message>
    <message>
        <source>Copy the base URL to the clipboard</source>
        <translation>Copier l&apos;URL de base dans le presse-papiers</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>URL de base :</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authentification :</translation>
    </message>
    <message>
        <source>Responses:</source>
        <translation>Réponses :</translation>
    </message>
    <message>
        <source>Requests (newest first, last %L1 kept)</source>
        <translation>Requêtes (les plus récentes en premier, les %L1 dernières conservées)</translation>
    </message>
    <message>
        <source>Effective policy (api.policy, read-only)</source>
        <translation>Politique en vigueur (api.policy, lecture seule)</translation>
    </message>
    <message>
        <source>migrate</source>
        <translation>migrer</translation>
    </message>
    <message>
        <source>readonly</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>No policy rules: every protected request is refused (deny by default).</source>
        <translation>Aucune règle de politique : toute requête protégée est refusée (refus par défaut).</translation>
    </message>
    <message>
        <source>No connections configured.</source>
        <translation>Aucune connexion configurée.</translation>
    </message>
    <message>
        <source>Deny by default. Readonly connections refuse writes, deletes and migrations whoever asks.</source>
        <translation>Refus par défaut. Les connexions en lecture seule refusent les écritures, les suppressions et les migrations, quel que soit le demandeur.</translation>
    </message>
    <message>
        <source>Invalid listen address: %1</source>
        <translation>Adresse d&apos;écoute invalide : %1</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>Arrê&amp;ter</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <source>⚠ Not a loopback address and no TLS configured (api.tls): tokens and data cross the network in clear text.</source>
        <translation>⚠ Adresse hors boucle locale et TLS non configuré (api.tls) : les jetons et les données transitent en clair sur le réseau.</translation>
    </message>
    <message>
        <source>No OIDC issuer configured (api.oidc.issuer): protected routes refuse every request.</source>
        <translation>Aucun émetteur OIDC configuré (api.oidc.issuer) : les routes protégées refusent toutes les requêtes.</translation>
    </message>
    <message>
        <source>Issuer %1: keys are fetched when the server starts.</source>
        <translation>Émetteur %1 : les clés sont récupérées au démarrage du serveur.</translation>
    </message>
    <message>
        <source>Ready: keys loaded from %1.</source>
        <translation>Prêt : clés chargées depuis %1.</translation>
    </message>
    <message>
        <source>Fetching keys from %1…</source>
        <translation>Récupération des clés depuis %1…</translation>
    </message>
    <message>
        <source>Keys not loaded from %1: %2</source>
        <translation>Clés non chargées depuis %1 : %2</translation>
    </message>
    <message>
        <source>2xx: %L1   3xx: %L2   4xx: %L3   5xx: %L4   total: %L5</source>
        <translation>2xx : %L1   3xx : %L2   4xx : %L3   5xx : %L4   total : %L5</translation>
    </message>
</context>
<context>
    <name>tw::ui::BinaryValueDialog</name>
    <message>
        <source>Binary value: %1</source>
        <translation>Valeur binaire : %1</translation>
    </message>
    <message>
        <source>&amp;Save to File…</source>
        <translation>&amp;Enregistrer dans un fichier…</translation>
    </message>
    <message>
        <source>Save Value</source>
        <translation>Enregistrer la valeur</translation>
    </message>
    <message>
        <source>&amp;Load from File…</source>
        <translation>&amp;Charger depuis un fichier…</translation>
    </message>
    <message>
        <source>Load Value</source>
        <translation>Charger la valeur</translation>
    </message>
    <message>
        <source>Set &amp;NULL</source>
        <translation>Mettre à &amp;NULL</translation>
    </message>
    <message>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>tw::ui::BrowserFeature</name>
    <message>
        <source>&amp;Open Table…</source>
        <translation>&amp;Ouvrir une table…</translation>
    </message>
    <message>
        <source>Open a connection first.</source>
        <translation>Ouvrez d&apos;abord une connexion.</translation>
    </message>
    <message>
        <source>Open Table</source>
        <translation>Ouvrir une table</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>Table :</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Some tables have edits that are not committed. Quit and drop them?</source>
        <translation>Certaines tables ont des modifications non validées. Quitter et les abandonner ?</translation>
    </message>
    <message>
        <source>Table &amp;Browser</source>
        <translation>&amp;Navigateur de tables</translation>
    </message>
</context>
<context>
    <name>tw::ui::BrowserPage</name>
    <message>
        <source>Close Table</source>
        <translation>Fermer la table</translation>
    </message>
    <message>
        <source>%1 has edits that are not committed. Close it and drop them?</source>
        <translation>%1 a des modifications non validées. La fermer et les abandonner ?</translation>
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
    <name>tw::ui::FilterParser</name>
    <message>
        <source>a value is missing after the operator</source>
        <translation>il manque une valeur après l&apos;opérateur</translation>
    </message>
    <message>
        <source>an empty value in the list</source>
        <translation>une valeur vide dans la liste</translation>
    </message>
    <message>
        <source>a range needs both ends: low..high</source>
        <translation>un intervalle nécessite deux bornes : min..max</translation>
    </message>
</context>
<context>
    <name>tw::ui::FilterRow</name>
    <message>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <source>Filter %1: text (contains), =x, !=x, &lt;x, &lt;=x, &gt;x, &gt;=x, a..b, in a,b,c, ~x, like p, NULL, !NULL; \ takes the rest literally</source>
        <translation>Filtre sur %1 : texte (contient), =x, !=x, &lt;x, &lt;=x, &gt;x, &gt;=x, a..b, in a,b,c, ~x, like p, NULL, !NULL ; \ prend le reste littéralement</translation>
    </message>
</context>
<context>
    <name>tw::ui::HexText</name>
    <message>
        <source>… %1 more bytes not shown (save to a file to see them)
</source>
        <translation>… %1 octets supplémentaires non affichés (enregistrez dans un fichier pour les voir)
</translation>
    </message>
    <message numerus="yes">
        <source>x&apos;%1&apos; (%n byte(s))</source>
        <translation>
            <numerusform>x&apos;%1&apos; (%n octet)</numerusform>
            <numerusform>x&apos;%1&apos; (%n octets)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tw::ui::JsonEditorDialog</name>
    <message>
        <source>Edit JSON: %1</source>
        <translation>Modifier le JSON : %1</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Formater</translation>
    </message>
    <message>
        <source>Indent the JSON. Object keys are sorted, which plain json columns keep as typed.</source>
        <translation>Indente le JSON. Les clés des objets sont triées, et les colonnes json simples les conservent telles que saisies.</translation>
    </message>
    <message>
        <source>empty: JSON needs a value (use NULL for no value)</source>
        <translation>vide : le JSON nécessite une valeur (utilisez NULL pour aucune valeur)</translation>
    </message>
    <message>
        <source>%1 at character %2</source>
        <translation>%1 au caractère %2</translation>
    </message>
    <message>
        <source>Valid JSON.</source>
        <translation>JSON valide.</translation>
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
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationConfirmDialog</name>
    <message>
        <source>apply</source>
        <translation>appliquer</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>reprendre</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>défaire</translation>
    </message>
    <message>
        <source>re-apply</source>
        <translation>réappliquer</translation>
    </message>
    <message>
        <source>Step / statement</source>
        <translation>Étape / instruction</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Undo Migrations</source>
        <translation>Défaire des migrations</translation>
    </message>
    <message>
        <source>Apply Migrations</source>
        <translation>Appliquer des migrations</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Défaire</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>%1. %2 %3</source>
        <translation>%1. %2 %3</translation>
    </message>
    <message>
        <source>without a transaction (%1)</source>
        <translation>sans transaction (%1)</translation>
    </message>
    <message>
        <source>Runs statement by statement outside a transaction; a failure leaves it partial and Up resumes it from the failed statement.</source>
        <translation>S&apos;exécute instruction par instruction hors transaction ; en cas d&apos;échec, la migration reste partielle et « Up » la reprend à partir de l&apos;instruction en échec.</translation>
    </message>
    <message>
        <source>(already ran) %1</source>
        <translation>(déjà exécutée) %1</translation>
    </message>
    <message numerus="yes">
        <source>Undo %n migration(s)</source>
        <translation>
            <numerusform>Défaire %n migration</numerusform>
            <numerusform>Défaire %n migrations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply %n migration(s)</source>
        <translation>
            <numerusform>Appliquer %n migration</numerusform>
            <numerusform>Appliquer %n migrations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 on %2: %n statement(s), in this order.</source>
        <translation>
            <numerusform>%1 sur %2 : %n instruction, dans cet ordre.</numerusform>
            <numerusform>%1 sur %2 : %n instructions, dans cet ordre.</numerusform>
        </translation>
    </message>
    <message>
        <source>All steps run in one transaction: any failure rolls every one of them back.</source>
        <translation>Toutes les étapes s&apos;exécutent dans une seule transaction : le moindre échec les annule toutes.</translation>
    </message>
    <message>
        <source>Each step runs in its own transaction with its history row; a failing step is rolled back and the ones after it do not run.</source>
        <translation>Chaque étape s&apos;exécute dans sa propre transaction avec son entrée d&apos;historique ; une étape en échec est annulée et les suivantes ne s&apos;exécutent pas.</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) run without a transaction (marked above).</source>
        <translation>
            <numerusform>%n étape s&apos;exécute sans transaction (signalée ci-dessus).</numerusform>
            <numerusform>%n étapes s&apos;exécutent sans transaction (signalées ci-dessus).</numerusform>
        </translation>
    </message>
    <message>
        <source>Lock: %1</source>
        <translation>Verrou : %1</translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationFileDetailsLoader</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Changes since it ran:</source>
        <translation>Modifications depuis l&apos;exécution :</translation>
    </message>
    <message>
        <source>The history row keeps no text for this run (a baseline, or a row written by another tool): the statements are compared by the hash recorded for each.</source>
        <translation>L&apos;entrée d&apos;historique ne conserve pas le texte de cette exécution (une ligne de base, ou une entrée écrite par un autre outil) : les instructions sont comparées d&apos;après le hachage enregistré pour chacune.</translation>
    </message>
    <message>
        <source>Applied checksum:</source>
        <translation>Somme de contrôle à l&apos;application :</translation>
    </message>
    <message>
        <source>File checksum now:</source>
        <translation>Somme de contrôle actuelle du fichier :</translation>
    </message>
    <message>
        <source>Statement %1 (line %2) changed since it ran:</source>
        <translation>L&apos;instruction %1 (ligne %2) a changé depuis son exécution :</translation>
    </message>
    <message>
        <source>Statement %1 (line %2) is new:</source>
        <translation>L&apos;instruction %1 (ligne %2) est nouvelle :</translation>
    </message>
    <message>
        <source>Statement %1 of the applied run is no longer in the file.</source>
        <translation>L&apos;instruction %1 de l&apos;exécution appliquée n&apos;est plus dans le fichier.</translation>
    </message>
    <message>
        <source>The history row records no statement hashes (baseline or an older run): only the checksums can be compared.</source>
        <translation>L&apos;entrée d&apos;historique n&apos;enregistre aucun hachage d&apos;instruction (ligne de base ou exécution plus ancienne) : seules les sommes de contrôle peuvent être comparées.</translation>
    </message>
    <message numerus="yes">
        <source>All %n statement(s) that ran are unchanged: the edit is in comments or white space between statements.</source>
        <translation>
            <numerusform>%n instruction exécutée et inchangée : la modification concerne les commentaires ou les espaces entre les instructions.</numerusform>
            <numerusform>Les %n instructions exécutées sont toutes inchangées : la modification concerne les commentaires ou les espaces entre les instructions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) unchanged.</source>
        <translation>
            <numerusform>%n instruction inchangée.</numerusform>
            <numerusform>%n instructions inchangées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revert the file to what ran, or run Repair to record the file&apos;s current checksum.</source>
        <translation>Rétablissez le fichier tel qu&apos;il a été exécuté, ou lancez « Réparer » pour enregistrer la somme de contrôle actuelle du fichier.</translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationRunView</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop between statements, and cancel the statement running now</source>
        <translation>Arrêter entre deux instructions et annuler l&apos;instruction en cours</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>The log of migration runs appears here.</source>
        <translation>Le journal des exécutions de migrations s&apos;affiche ici.</translation>
    </message>
    <message>
        <source>Waiting for the migration lock, held by %1</source>
        <translation>En attente du verrou de migration, détenu par %1</translation>
    </message>
    <message>
        <source>step %1 of %2 — statement %3 of %4</source>
        <translation>étape %1 sur %2 — instruction %3 sur %4</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>étape %1 sur %2</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationStateStyle</name>
    <message>
        <source>Applied</source>
        <translation>Appliquée</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Partielle</translation>
    </message>
    <message>
        <source>Checksum changed</source>
        <translation>Somme de contrôle modifiée</translation>
    </message>
    <message>
        <source>Missing file</source>
        <translation>Fichier manquant</translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation>Hors séquence</translation>
    </message>
    <message>
        <source>Below baseline</source>
        <translation>Sous la ligne de base</translation>
    </message>
    <message>
        <source>Applied; the file is unchanged since.</source>
        <translation>Appliquée ; le fichier n&apos;a pas changé depuis.</translation>
    </message>
    <message>
        <source>Not applied yet: Up runs it.</source>
        <translation>Pas encore appliquée : « Up » l&apos;exécute.</translation>
    </message>
    <message>
        <source>The last attempt failed and was rolled back: the database is as before it. Fix the file, then run Up.</source>
        <translation>La dernière tentative a échoué et a été annulée : la base de données est dans son état antérieur. Corrigez le fichier, puis lancez « Up ».</translation>
    </message>
    <message>
        <source>A migration without a transaction stopped part-way. Up resumes it from the failed statement.</source>
        <translation>Une migration sans transaction s&apos;est arrêtée en cours de route. « Up » la reprend à partir de l&apos;instruction en échec.</translation>
    </message>
    <message>
        <source>The file changed after it was applied. Revert the edit, or run Repair to accept the file as it is now.</source>
        <translation>Le fichier a été modifié après son application. Annulez la modification, ou lancez « Réparer » pour accepter le fichier tel qu&apos;il est.</translation>
    </message>
    <message>
        <source>Applied, but its file is gone from the migrations directory. Restore it, or run Repair.</source>
        <translation>Appliquée, mais son fichier a disparu du répertoire des migrations. Restaurez-le, ou lancez « Réparer ».</translation>
    </message>
    <message>
        <source>Pending, but a higher version is already applied: Up runs it only with out-of-order allowed.</source>
        <translation>En attente, mais une version plus élevée est déjà appliquée : « Up » ne l&apos;exécute que si les versions hors séquence sont autorisées.</translation>
    </message>
    <message>
        <source>Older than the baseline: never run on this database.</source>
        <translation>Antérieure à la ligne de base : jamais exécutée sur cette base de données.</translation>
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
        <translation>Répétable : réappliquée à chaque changement de sa somme de contrôle, après les fichiers versionnés.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Dernière exécution</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>Installed by</source>
        <translation>Installée par</translation>
    </message>
</context>
<context>
    <name>tw::ui::MigrationsFeature</name>
    <message>
        <source>Open a connection first.</source>
        <translation>Ouvrez d&apos;abord une connexion.</translation>
    </message>
    <message>
        <source>&amp;Migrations</source>
        <translation>&amp;Migrations</translation>
    </message>
    <message>
        <source>&amp;Migrations…</source>
        <translation>&amp;Migrations…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>A migration is running. Cancel it and quit? The statement running now is cancelled and its migration rolled back (or left partial for Up to resume).</source>
        <translation>Une migration est en cours. L&apos;annuler et quitter ? L&apos;instruction en cours est interrompue et sa migration annulée (ou laissée partielle pour que « Up » la reprenne).</translation>
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
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Open a connection to see its migrations.</source>
        <translation>Ouvrez une connexion pour voir ses migrations.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the files and the history again</source>
        <translation>Relire les fichiers et l&apos;historique</translation>
    </message>
    <message>
        <source>Up to Selected</source>
        <translation>Up jusqu&apos;à la sélection</translation>
    </message>
    <message>
        <source>Apply the pending migrations up to and including the selected version</source>
        <translation>Appliquer les migrations en attente jusqu&apos;à la version sélectionnée incluse</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Apply every pending migration</source>
        <translation>Appliquer toutes les migrations en attente</translation>
    </message>
    <message>
        <source>Down to Selected</source>
        <translation>Down jusqu&apos;à la sélection</translation>
    </message>
    <message>
        <source>Undo the applied migrations above the selected version, newest first, with their undo files</source>
        <translation>Défaire les migrations appliquées au-dessus de la version sélectionnée, de la plus récente à la plus ancienne, avec leurs fichiers d&apos;annulation</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Check the files against the history: changed checksums, missing files, versions out of order</source>
        <translation>Comparer les fichiers à l&apos;historique : sommes de contrôle modifiées, fichiers manquants, versions hors séquence</translation>
    </message>
    <message>
        <source>Repair…</source>
        <translation>Réparer…</translation>
    </message>
    <message>
        <source>Accept changed checksums and clear the rows of failed attempts</source>
        <translation>Accepter les sommes de contrôle modifiées et supprimer les entrées des tentatives échouées</translation>
    </message>
    <message>
        <source>Baseline…</source>
        <translation>Ligne de base…</translation>
    </message>
    <message>
        <source>Mark an existing database as being at a version, without running anything</source>
        <translation>Marquer une base existante comme étant à une version donnée, sans rien exécuter</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Allow Out-of-Order Versions</source>
        <translation>Autoriser les versions hors séquence</translation>
    </message>
    <message>
        <source>Up also applies pending versions below the highest applied one</source>
        <translation>« Up » applique aussi les versions en attente inférieures à la plus haute version appliquée</translation>
    </message>
    <message>
        <source>All Steps in One Transaction</source>
        <translation>Toutes les étapes dans une transaction</translation>
    </message>
    <message>
        <source>Migrations — %1</source>
        <translation>Migrations — %1</translation>
    </message>
    <message>
        <source>The connection %1 is not open.</source>
        <translation>La connexion %1 n&apos;est pas ouverte.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No migrations directory&lt;/h3&gt;&lt;p&gt;The connection &lt;b&gt;%1&lt;/b&gt; has no &lt;code&gt;migrations:&lt;/code&gt; entry in the configuration file. Add one, pointing to the folder that holds the migration files (relative to the configuration file), then open the connection again:&lt;/p&gt;&lt;pre&gt;connections:
  - name: %1
    …
    migrations: ./migrations&lt;/pre&gt;&lt;p&gt;Files are named &lt;code&gt;V1__create_people.sql&lt;/code&gt; (apply), &lt;code&gt;U1__create_people.sql&lt;/code&gt; (undo) and &lt;code&gt;R__views.sql&lt;/code&gt; (repeatable); dbmate and golang-migrate folders are read as they are. &lt;code&gt;tablewright migrate new NAME --connection %1&lt;/code&gt; creates the next file.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Aucun répertoire de migrations&lt;/h3&gt;&lt;p&gt;La connexion &lt;b&gt;%1&lt;/b&gt; n&apos;a pas d&apos;entrée &lt;code&gt;migrations:&lt;/code&gt; dans le fichier de configuration. Ajoutez-en une, qui pointe vers le dossier contenant les fichiers de migration (chemin relatif au fichier de configuration), puis rouvrez la connexion :&lt;/p&gt;&lt;pre&gt;connections:
  - name: %1
    …
    migrations: ./migrations&lt;/pre&gt;&lt;p&gt;Les fichiers sont nommés &lt;code&gt;V1__create_people.sql&lt;/code&gt; (appliquer), &lt;code&gt;U1__create_people.sql&lt;/code&gt; (défaire) et &lt;code&gt;R__views.sql&lt;/code&gt; (répétable) ; les dossiers dbmate et golang-migrate sont lus tels quels. &lt;code&gt;tablewright migrate new NOM --connection %1&lt;/code&gt; crée le fichier suivant.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n migration(s) pending</source>
        <translation>
            <numerusform>%1 : %n migration en attente</numerusform>
            <numerusform>%1 : %n migrations en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>No undo file: Down cannot undo this version.</source>
        <translation>Pas de fichier d&apos;annulation : « Down » ne peut pas défaire cette version.</translation>
    </message>
    <message>
        <source>-- The file of this migration is not in the directory any more.
-- Applied as: %1</source>
        <translation>-- Le fichier de cette migration n&apos;est plus dans le répertoire.
-- Appliquée en tant que : %1</translation>
    </message>
    <message>
        <source>-- Reading %1…</source>
        <translation>-- Lecture de %1…</translation>
    </message>
    <message>
        <source>Validating %1…</source>
        <translation>Vérification de %1…</translation>
    </message>
    <message>
        <source>Repair Migration History</source>
        <translation>Réparer l&apos;historique des migrations</translation>
    </message>
    <message>
        <source>Repair rewrites the history of %1: applied files whose checksum changed get their current checksum, the rows of failed (rolled back) attempts are removed, partial migrations stay for Up to resume. Nothing in the schema changes; the repair is recorded as its own history row.</source>
        <translation>La réparation réécrit l&apos;historique de %1 : les fichiers appliqués dont la somme de contrôle a changé reçoivent leur somme de contrôle actuelle, les entrées des tentatives échouées (annulées) sont supprimées, les migrations partielles restent pour que « Up » les reprenne. Rien ne change dans le schéma ; la réparation est enregistrée comme une entrée d&apos;historique à part entière.</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Réparer</translation>
    </message>
    <message>
        <source>Repairing the history of %1…</source>
        <translation>Réparation de l&apos;historique de %1…</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Ligne de base</translation>
    </message>
    <message>
        <source>Baseline records that %1 already has the schema of the given version, without running any file: versions up to it are never run here. Only for a database that has no migration applied yet.</source>
        <translation>La ligne de base indique que %1 a déjà le schéma de la version donnée, sans exécuter aucun fichier : les versions jusqu&apos;à celle-ci ne seront jamais exécutées ici. Uniquement pour une base de données sur laquelle aucune migration n&apos;a encore été appliquée.</translation>
    </message>
    <message>
        <source>Record Baseline</source>
        <translation>Enregistrer la ligne de base</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version :</translation>
    </message>
    <message>
        <source>Baseline: &quot;%1&quot; is not a version (use numbers like 3 or 1.2).</source>
        <translation>Ligne de base : « %1 » n&apos;est pas une version (utilisez des nombres comme 3 ou 1.2).</translation>
    </message>
    <message>
        <source>Recording a baseline at version %1…</source>
        <translation>Enregistrement de la ligne de base à la version %1…</translation>
    </message>
    <message>
        <source>Planning %1…</source>
        <translation>Planification : %1…</translation>
    </message>
    <message>
        <source>Cannot %1: %2</source>
        <translation>Impossible d&apos;exécuter %1 : %2</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Rien à défaire.</translation>
    </message>
    <message>
        <source>Nothing to apply.</source>
        <translation>Rien à appliquer.</translation>
    </message>
    <message>
        <source>Cancelled before anything ran.</source>
        <translation>Annulé avant toute exécution.</translation>
    </message>
    <message numerus="yes">
        <source>Undoing %n migration(s)…</source>
        <translation>
            <numerusform>Annulation de %n migration…</numerusform>
            <numerusform>Annulation de %n migrations…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Applying %n migration(s)…</source>
        <translation>
            <numerusform>Application de %n migration…</numerusform>
            <numerusform>Application de %n migrations…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>Échec de %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>✓ %1 — %n statement(s), %2</source>
        <translation>
            <numerusform>✓ %1 — %n instruction, %2</numerusform>
            <numerusform>✓ %1 — %n instructions, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>✗ %1 — %2</source>
        <translation>✗ %1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n migration(s): %1</source>
        <translation>
            <numerusform>Arrêt après %n migration : %1</numerusform>
            <numerusform>Arrêt après %n migrations : %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Applied %n migration(s).</source>
        <translation>
            <numerusform>%n migration appliquée.</numerusform>
            <numerusform>%n migrations appliquées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undid %n migration(s).</source>
        <translation>
            <numerusform>%n migration défaite.</numerusform>
            <numerusform>%n migrations défaites.</numerusform>
        </translation>
    </message>
    <message>
        <source>Valid: the files match the history.</source>
        <translation>Valide : les fichiers correspondent à l&apos;historique.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problème trouvé.</numerusform>
            <numerusform>%n problèmes trouvés.</numerusform>
        </translation>
    </message>
    <message>
        <source>History repaired.</source>
        <translation>Historique réparé.</translation>
    </message>
    <message>
        <source>Baseline recorded.</source>
        <translation>Ligne de base enregistrée.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
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
    <name>tw::ui::PolicyMatrixModel</name>
    <message>
        <source>%1 (readonly)</source>
        <translation>%1 (lecture seule)</translation>
    </message>
    <message>
        <source>A readonly connection refuses writes, deletes and migrations whoever asks.</source>
        <translation>Une connexion en lecture seule refuse les écritures, les suppressions et les migrations, quel que soit le demandeur.</translation>
    </message>
    <message>
        <source>readonly</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>The policy grants %1, but the connection is readonly: refused.</source>
        <translation>La politique accorde %1, mais la connexion est en lecture seule : refusé.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lire</translation>
    </message>
    <message>
        <source>write</source>
        <translation>écrire</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>supprimer</translation>
    </message>
    <message>
        <source>migrate</source>
        <translation>migrer</translation>
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
        <translation>Route : %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>Durée (ms)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>ID de requête</translation>
    </message>
</context>
<context>
    <name>tw::ui::RowDetailDialog</name>
    <message>
        <source>Row %1 of %2</source>
        <translation>Ligne %1 de %2</translation>
    </message>
    <message>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message>
        <source>Edit row %1</source>
        <translation>la modification de la ligne %1</translation>
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
    <message>
        <source>&amp;Schema</source>
        <translation>&amp;Schéma</translation>
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
<context>
    <name>tw::ui::SearchDialog</name>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Search Database</source>
        <translation>Rechercher dans la base</translation>
    </message>
    <message>
        <source>Text to find in every table</source>
        <translation>Texte à chercher dans toutes les tables</translation>
    </message>
    <message>
        <source>Double-click a match to open its table</source>
        <translation>Double-cliquez sur un résultat pour ouvrir sa table</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Chercher :</translation>
    </message>
    <message>
        <source>in</source>
        <translation>dans</translation>
    </message>
    <message>
        <source>Search Database — %1</source>
        <translation>Rechercher dans la base — %1</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>Toutes les tables</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>Recherche annulée.</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n table(s) searched</source>
        <translation>
            <numerusform>dans %n table parcourue</numerusform>
            <numerusform>dans %n tables parcourues</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 ms).</source>
        <translation> (%1 ms).</translation>
    </message>
    <message>
        <source>There may be more matches.</source>
        <translation>Il peut y avoir d’autres résultats.</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n de plus</numerusform>
            <numerusform>%n de plus</numerusform>
        </translation>
    </message>
    <message>
        <source>Not searched: %1.</source>
        <translation>Non parcourues : %1.</translation>
    </message>
</context>
<context>
    <name>tw::ui::SearchFeature</name>
    <message>
        <source>&amp;Search Database…</source>
        <translation>Re&amp;chercher dans la base…</translation>
    </message>
    <message>
        <source>Open a connection first.</source>
        <translation>Ouvrez d’abord une connexion.</translation>
    </message>
</context>
<context>
    <name>tw::ui::SearchResultsModel</name>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>tw::ui::TableModel</name>
    <message>
        <source>Insert row</source>
        <translation>l&apos;insertion d&apos;une ligne</translation>
    </message>
    <message>
        <source>DEFAULT</source>
        <translation>DEFAULT</translation>
    </message>
    <message>
        <source>Shortened: open the cell to load the whole value.</source>
        <translation>Tronqué : ouvrez la cellule pour charger la valeur complète.</translation>
    </message>
    <message>
        <source>not null</source>
        <translation>non NULL</translation>
    </message>
    <message>
        <source>default %1</source>
        <translation>valeur par défaut %1</translation>
    </message>
    <message>
        <source>generated (read-only)</source>
        <translation>générée (lecture seule)</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>la modification de %1</translation>
    </message>
    <message>
        <source>Set %1 to NULL</source>
        <translation>la mise à NULL de %1</translation>
    </message>
    <message>
        <source>Set %1 to DEFAULT</source>
        <translation>la mise à DEFAULT de %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n row(s)</source>
        <translation>
            <numerusform>la suppression de %n ligne</numerusform>
            <numerusform>la suppression de %n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>le collage</translation>
    </message>
</context>
<context>
    <name>tw::ui::TableTab</name>
    <message>
        <source>WHERE … (SQL condition, run read-only)</source>
        <translation>WHERE … (condition SQL, exécutée en lecture seule)</translation>
    </message>
    <message>
        <source>Loading rows failed</source>
        <translation>Échec du chargement des lignes</translation>
    </message>
    <message>
        <source>Nothing was written: rows changed since you loaded them (marked). Your edits are kept</source>
        <translation>Rien n&apos;a été écrit : des lignes ont changé depuis leur chargement (marquées). Vos modifications sont conservées</translation>
    </message>
    <message>
        <source>Nothing was written; your edits are kept</source>
        <translation>Rien n&apos;a été écrit ; vos modifications sont conservées</translation>
    </message>
    <message>
        <source>Committed: %1 updated, %2 inserted, %3 deleted.</source>
        <translation>Validé — mises à jour : %1, insertions : %2, suppressions : %3.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Add Row</source>
        <translation>Ajouter une ligne</translation>
    </message>
    <message>
        <source>Delete Rows</source>
        <translation>Supprimer les lignes</translation>
    </message>
    <message>
        <source>Set NULL</source>
        <translation>Mettre à NULL</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Count Rows</source>
        <translation>Compter les lignes</translation>
    </message>
    <message>
        <source>Row Details</source>
        <translation>Détails de la ligne</translation>
    </message>
    <message>
        <source>Go to Referenced Row</source>
        <translation>Aller à la ligne référencée</translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <source>Reading the table&apos;s columns…</source>
        <translation>Lecture des colonnes de la table…</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>Impossible d&apos;ouvrir %1</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Lecture seule : %1</translation>
    </message>
    <message>
        <source>Some filters cannot be read and are left out (hover a red box for why).</source>
        <translation>Certains filtres sont illisibles et sont ignorés (survolez une case rouge pour savoir pourquoi).</translation>
    </message>
    <message>
        <source>%1 cannot be sorted: its type (%2) has no order.</source>
        <translation>Impossible de trier %1 : son type (%2) n&apos;a pas d&apos;ordre.</translation>
    </message>
    <message>
        <source>row count unknown</source>
        <translation>nombre de lignes inconnu</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 lignes</translation>
    </message>
    <message>
        <source>about %1 rows (estimate; Count Rows for the exact number)</source>
        <translation>environ %1 lignes (estimation ; « Compter les lignes » donne le nombre exact)</translation>
    </message>
    <message>
        <source>rows %1–%2</source>
        <translation>lignes %1–%2</translation>
    </message>
    <message>
        <source>sorted by %1</source>
        <translation>trié par %1</translation>
    </message>
    <message>
        <source>Stop Counting</source>
        <translation>Arrêter le comptage</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Détails : %1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Conseil : %1</translation>
    </message>
    <message>
        <source>Loading the whole value…</source>
        <translation>Chargement de la valeur complète…</translation>
    </message>
    <message>
        <source>Nothing pasted: the range does not fit, or it covers cells that cannot be edited.</source>
        <translation>Rien n&apos;a été collé : la plage ne correspond pas, ou elle couvre des cellules non modifiables.</translation>
    </message>
    <message numerus="yes">
        <source>Set %n cell(s) to NULL</source>
        <translation>
            <numerusform>la mise à NULL de %n cellule</numerusform>
            <numerusform>la mise à NULL de %n cellules</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is NULL: it references no row.</source>
        <translation>%1 est NULL : aucune ligne n&apos;est référencée.</translation>
    </message>
    <message>
        <source>Edit Value…</source>
        <translation>Modifier la valeur…</translation>
    </message>
    <message>
        <source>Binary Value (Load / Save File)…</source>
        <translation>Valeur binaire (charger / enregistrer un fichier)…</translation>
    </message>
    <message>
        <source>Row Details…</source>
        <translation>Détails de la ligne…</translation>
    </message>
    <message>
        <source>counting rows…</source>
        <translation>comptage des lignes…</translation>
    </message>
    <message>
        <source>counting rows… (about %1)</source>
        <translation>comptage des lignes… (environ %1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln ligne</numerusform>
            <numerusform>%Ln lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>staged: %1</source>
        <translation>en attente : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) changed</source>
        <translation>
            <numerusform>%n cellule modifiée</numerusform>
            <numerusform>%n cellules modifiées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new row(s)</source>
        <translation>
            <numerusform>%n nouvelle ligne</numerusform>
            <numerusform>%n nouvelles lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) to delete</source>
        <translation>
            <numerusform>%n ligne à supprimer</numerusform>
            <numerusform>%n lignes à supprimer</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Annuler : %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Rétablir : %1</translation>
    </message>
    <message>
        <source>Copy as REST URL</source>
        <translation>Copier comme URL REST</translation>
    </message>
    <message>
        <source>Copy as postgrest-js</source>
        <translation>Copier comme postgrest-js</translation>
    </message>
    <message>
        <source>Copy as REST</source>
        <translation>Copier comme REST</translation>
    </message>
    <message>
        <source>Copy the filters and sort on screen as a REST API request</source>
        <translation>Copier les filtres et le tri affichés comme requête de l’API REST</translation>
    </message>
    <message>
        <source>postgrest-js snippet copied to the clipboard</source>
        <translation>Code postgrest-js copié dans le presse-papiers</translation>
    </message>
    <message>
        <source>REST URL copied to the clipboard</source>
        <translation>URL REST copiée dans le presse-papiers</translation>
    </message>
    <message numerus="yes">
        <source> (%n condition(s) not said exactly: see its comment lines)</source>
        <translation>
            <numerusform> (%n condition non exprimée exactement : voir ses lignes de commentaire)</numerusform>
            <numerusform> (%n conditions non exprimées exactement : voir ses lignes de commentaire)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tw::ui::TextValueDialog</name>
    <message>
        <source>Value: %1</source>
        <translation>Valeur : %1</translation>
    </message>
</context>
</TS>
