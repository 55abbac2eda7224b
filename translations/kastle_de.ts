<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QMetaObject</name>
    <message>
        <source>The session is not connected.</source>
        <translation>Die Sitzung ist nicht verbunden.</translation>
    </message>
</context>
<context>
    <name>kastle::core::BrokerModel</name>
    <message>
        <source>Controller</source>
        <translation>Controller</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>Rack</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Leaders</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Replikate</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>Größe auf der Festplatte</translation>
    </message>
</context>
<context>
    <name>kastle::core::ConnectionListModel</name>
    <message>
        <source>Local sandbox</source>
        <translation>Lokale Sandbox</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Bootstrap servers</source>
        <translation>Bootstrap-Server</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>kastle::core::ConnectionStore</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Could not read the connection profiles</source>
        <translation>Die Verbindungsprofile konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not save the connection &quot;%1&quot;</source>
        <translation>Die Verbindung „%1“ konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; no longer exists.</source>
        <translation>Die Verbindung „%1“ existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Could not delete the connection</source>
        <translation>Die Verbindung konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Could not reorder the connections: %1</source>
        <translation>Die Verbindungen konnten nicht umsortiert werden: %1</translation>
    </message>
    <message>
        <source>Could not reorder the connections</source>
        <translation>Die Verbindungen konnten nicht umsortiert werden</translation>
    </message>
    <message>
        <source>Could not save the setting %1</source>
        <translation>Die Einstellung %1 konnte nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>kastle::core::ConnectionTester</name>
    <message>
        <source>Could not reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed (%2). Check the CA file, the client certificate and host name verification.</source>
        <translation>Der TLS-Handshake mit %1 ist fehlgeschlagen (%2). Prüfen Sie die CA-Datei, das Client-Zertifikat und die Prüfung des Hostnamens.</translation>
    </message>
    <message>
        <source>The cluster rejected the credentials (%1). Check the user name, the password or token and the SASL mechanism.</source>
        <translation>Der Cluster hat die Anmeldedaten abgelehnt (%1). Prüfen Sie Benutzername, Passwort bzw. Token und den SASL-Mechanismus.</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 seconds.</source>
        <translation>Keine Antwort von %1 innerhalb von %2 Sekunden.</translation>
    </message>
    <message>
        <source>librdkafka could not start a client: %1</source>
        <translation>librdkafka konnte keinen Client starten: %1</translation>
    </message>
    <message numerus="yes">
        <source>Connected to cluster %1 with %n broker(s).</source>
        <translation>
            <numerusform>Verbunden mit Cluster %1 mit %n Broker.</numerusform>
            <numerusform>Verbunden mit Cluster %1 mit %n Brokern.</numerusform>
        </translation>
    </message>
    <message>
        <source>(no cluster id)</source>
        <translation>(keine Cluster-ID)</translation>
    </message>
</context>
<context>
    <name>kastle::core::Database</name>
    <message>
        <source>Could not open the database %1: %2</source>
        <translation>Die Datenbank %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Could not rename %1 to %2.</source>
        <translation>%1 konnte nicht in %2 umbenannt werden.</translation>
    </message>
    <message>
        <source>The database %1 cannot be read (%2) and could not be moved aside: %3</source>
        <translation>Die Datenbank %1 ist nicht lesbar (%2) und konnte nicht beiseitegelegt werden: %3</translation>
    </message>
    <message>
        <source>The database %1 could not be read (%2). It was moved to %3 and a new, empty one was created; your old connections are in the moved file.</source>
        <translation>Die Datenbank %1 war nicht lesbar (%2). Sie wurde nach %3 verschoben und eine neue, leere Datenbank angelegt; Ihre alten Verbindungen liegen in der verschobenen Datei.</translation>
    </message>
    <message>
        <source>Could not read the schema version of %1: %2</source>
        <translation>Die Schemaversion von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer Kastle (schema version %2; this one knows up to %3). It was left untouched.</source>
        <translation>Die Datenbank %1 stammt von einem neueren Kastle (Schemaversion %2; diese Version kennt bis %3). Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Could not start a migration of %1: %2</source>
        <translation>Die Migration von %1 konnte nicht beginnen: %2</translation>
    </message>
    <message>
        <source>Could not migrate %1 from schema version %2: %3</source>
        <translation>%1 konnte nicht von Schemaversion %2 migriert werden: %3</translation>
    </message>
    <message>
        <source>Could not finish the migration of %1: %2</source>
        <translation>Die Migration von %1 konnte nicht abgeschlossen werden: %2</translation>
    </message>
</context>
<context>
    <name>kastle::core::Event</name>
    <message>
        <source>broker %1</source>
        <translation>Broker %1</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>Gruppe %1</translation>
    </message>
</context>
<context>
    <name>kastle::core::EventDiff</name>
    <message>
        <source>Leader of %1 moved from broker %2 to broker %3.</source>
        <translation>Leader von %1 ist von Broker %2 zu Broker %3 gewechselt.</translation>
    </message>
    <message>
        <source>In-sync replicas of %1 shrank from [%2] to [%3].</source>
        <translation>In-Sync-Replikate von %1 von [%2] auf [%3] geschrumpft.</translation>
    </message>
    <message>
        <source>In-sync replicas of %1 grew from [%2] to [%3].</source>
        <translation>In-Sync-Replikate von %1 von [%2] auf [%3] gewachsen.</translation>
    </message>
    <message>
        <source>Broker %1 (%2) left the cluster.</source>
        <translation>Broker %1 (%2) hat den Cluster verlassen.</translation>
    </message>
    <message>
        <source>Broker %1 (%2) is back.</source>
        <translation>Broker %1 (%2) ist wieder da.</translation>
    </message>
    <message>
        <source>Partition %1 is offline: it has no leader.</source>
        <translation>Partition %1 ist offline: Sie hat keinen Leader.</translation>
    </message>
    <message>
        <source>Partition %1 is online again (leader: broker %2).</source>
        <translation>Partition %1 ist wieder online (Leader: Broker %2).</translation>
    </message>
    <message>
        <source>Topic %1 was created with %2 partitions.</source>
        <translation>Topic %1 wurde mit %2 Partitionen angelegt.</translation>
    </message>
    <message>
        <source>Topic %1 was deleted.</source>
        <translation>Topic %1 wurde gelöscht.</translation>
    </message>
    <message>
        <source>Consumer group %1 changed from %2 to %3.</source>
        <translation>Consumer-Gruppe %1 ist von %2 zu %3 gewechselt.</translation>
    </message>
</context>
<context>
    <name>kastle::core::EventModel</name>
    <message>
        <source>Leader change</source>
        <translation>Leader-Wechsel</translation>
    </message>
    <message>
        <source>ISR shrink</source>
        <translation>ISR geschrumpft</translation>
    </message>
    <message>
        <source>ISR expand</source>
        <translation>ISR gewachsen</translation>
    </message>
    <message>
        <source>Broker lost</source>
        <translation>Broker verloren</translation>
    </message>
    <message>
        <source>Broker back</source>
        <translation>Broker zurück</translation>
    </message>
    <message>
        <source>Partition offline</source>
        <translation>Partition offline</translation>
    </message>
    <message>
        <source>Topic created</source>
        <translation>Topic angelegt</translation>
    </message>
    <message>
        <source>Topic deleted</source>
        <translation>Topic gelöscht</translation>
    </message>
    <message>
        <source>Group state</source>
        <translation>Gruppenstatus</translation>
    </message>
    <message>
        <source>Partition online</source>
        <translation>Partition online</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>kastle::core::ExportWriter</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not finish %1: %2</source>
        <translation>%1 konnte nicht abgeschlossen werden: %2</translation>
    </message>
</context>
<context>
    <name>kastle::core::GroupMemberModel</name>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>Partitionen</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Zuweisung</translation>
    </message>
</context>
<context>
    <name>kastle::core::GroupModel</name>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Assignor</source>
        <translation>Assignor</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>Lag (time)</source>
        <translation>Lag (Zeit)</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Lag trend</source>
        <translation>Lag-Trend</translation>
    </message>
</context>
<context>
    <name>kastle::core::GroupOffsetModel</name>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Committet</translation>
    </message>
    <message>
        <source>End offset</source>
        <translation>End-Offset</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>Lag (time)</source>
        <translation>Lag (Zeit)</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
</context>
<context>
    <name>kastle::core::KafkaClient</name>
    <message>
        <source>The setting %1=%2 was refused: %3</source>
        <translation>Die Einstellung %1=%2 wurde abgelehnt: %3</translation>
    </message>
    <message>
        <source>Could not create a Kafka client: %1</source>
        <translation>Kafka-Client konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Could not read the partitions of %1</source>
        <translation>Die Partitionen von %1 konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not list the topics</source>
        <translation>Die Topics konnten nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Could not read the offsets of %1 partition %2</source>
        <translation>Die Offsets von %1 Partition %2 konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not look up offsets by time in %1</source>
        <translation>Offsets nach Zeit konnten in %1 nicht gesucht werden</translation>
    </message>
    <message>
        <source>Could not look up offsets by time in %1 partition %2</source>
        <translation>Offsets nach Zeit konnten in %1 Partition %2 nicht gesucht werden</translation>
    </message>
    <message>
        <source>Could not read the committed offsets of group %1</source>
        <translation>Die committeten Offsets der Gruppe %1 konnten nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>kastle::core::KafkaErrors</name>
    <message>
        <source>No error.</source>
        <translation>Kein Fehler.</translation>
    </message>
    <message>
        <source>The connection to the broker failed or was closed.</source>
        <translation>Die Verbindung zum Broker ist fehlgeschlagen oder wurde geschlossen.</translation>
    </message>
    <message>
        <source>The broker&apos;s host name could not be resolved.</source>
        <translation>Der Hostname des Brokers konnte nicht aufgelöst werden.</translation>
    </message>
    <message>
        <source>No broker of the cluster can be reached.</source>
        <translation>Kein Broker des Clusters ist erreichbar.</translation>
    </message>
    <message>
        <source>The request is not valid.</source>
        <translation>Die Anfrage ist ungültig.</translation>
    </message>
    <message>
        <source>The cluster did not answer in time.</source>
        <translation>Der Cluster hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The secure (TLS) connection could not be established.</source>
        <translation>Die sichere (TLS-)Verbindung konnte nicht aufgebaut werden.</translation>
    </message>
    <message>
        <source>The connection to the cluster was closed before the request finished.</source>
        <translation>Die Verbindung zum Cluster wurde geschlossen, bevor die Anfrage abgeschlossen war.</translation>
    </message>
    <message>
        <source>The cluster refused the credentials.</source>
        <translation>Der Cluster hat die Anmeldedaten abgelehnt.</translation>
    </message>
    <message>
        <source>The cluster does not support this operation.</source>
        <translation>Der Cluster unterstützt diesen Vorgang nicht.</translation>
    </message>
    <message>
        <source>The cluster sent an answer Kastle cannot read.</source>
        <translation>Der Cluster hat eine Antwort gesendet, die Kastle nicht lesen kann.</translation>
    </message>
    <message>
        <source>The topic does not exist.</source>
        <translation>Das Topic existiert nicht.</translation>
    </message>
    <message>
        <source>The partition does not exist.</source>
        <translation>Die Partition existiert nicht.</translation>
    </message>
    <message>
        <source>The broker hit an unexpected error.</source>
        <translation>Beim Broker ist ein unerwarteter Fehler aufgetreten.</translation>
    </message>
    <message>
        <source>The offset is outside the range the partition holds.</source>
        <translation>Der Offset liegt außerhalb des Bereichs der Partition.</translation>
    </message>
    <message>
        <source>The data is corrupt.</source>
        <translation>Die Daten sind beschädigt.</translation>
    </message>
    <message>
        <source>The topic or partition does not exist.</source>
        <translation>Das Topic oder die Partition existiert nicht.</translation>
    </message>
    <message>
        <source>The partition has no leader at the moment.</source>
        <translation>Die Partition hat im Moment keinen Leader.</translation>
    </message>
    <message>
        <source>The broker asked is no longer the leader of the partition.</source>
        <translation>Der angefragte Broker ist nicht mehr Leader der Partition.</translation>
    </message>
    <message>
        <source>The broker did not finish the request in time.</source>
        <translation>Der Broker hat die Anfrage nicht rechtzeitig abgeschlossen.</translation>
    </message>
    <message>
        <source>The broker is not available.</source>
        <translation>Der Broker ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>A replica is not available.</source>
        <translation>Ein Replikat ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>The message is larger than the broker accepts.</source>
        <translation>Die Nachricht ist größer, als der Broker annimmt.</translation>
    </message>
    <message>
        <source>The commit metadata is too large.</source>
        <translation>Die Commit-Metadaten sind zu groß.</translation>
    </message>
    <message>
        <source>The broker lost its connection while answering.</source>
        <translation>Der Broker hat beim Antworten die Verbindung verloren.</translation>
    </message>
    <message>
        <source>The group coordinator is still loading; try again shortly.</source>
        <translation>Der Gruppenkoordinator lädt noch; bitte gleich erneut versuchen.</translation>
    </message>
    <message>
        <source>The group coordinator is not available.</source>
        <translation>Der Gruppenkoordinator ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>The broker asked is not the coordinator of this group.</source>
        <translation>Der angefragte Broker ist nicht der Koordinator dieser Gruppe.</translation>
    </message>
    <message>
        <source>The topic name is not valid.</source>
        <translation>Der Topic-Name ist ungültig.</translation>
    </message>
    <message>
        <source>Not enough replicas are in sync to accept the write.</source>
        <translation>Zu wenige Replikate sind synchron, um den Schreibvorgang anzunehmen.</translation>
    </message>
    <message>
        <source>The group generation is out of date.</source>
        <translation>Die Gruppengeneration ist veraltet.</translation>
    </message>
    <message>
        <source>The group id is not valid.</source>
        <translation>Die Gruppen-ID ist ungültig.</translation>
    </message>
    <message>
        <source>The group does not know this member.</source>
        <translation>Die Gruppe kennt dieses Mitglied nicht.</translation>
    </message>
    <message>
        <source>The group is rebalancing.</source>
        <translation>Die Gruppe wird gerade neu verteilt (Rebalance).</translation>
    </message>
    <message>
        <source>You are not allowed to access this topic.</source>
        <translation>Sie dürfen nicht auf dieses Topic zugreifen.</translation>
    </message>
    <message>
        <source>You are not allowed to access this consumer group.</source>
        <translation>Sie dürfen nicht auf diese Consumer-Gruppe zugreifen.</translation>
    </message>
    <message>
        <source>You are not allowed to perform this cluster operation.</source>
        <translation>Sie dürfen diesen Cluster-Vorgang nicht ausführen.</translation>
    </message>
    <message>
        <source>The timestamp is not valid.</source>
        <translation>Der Zeitstempel ist ungültig.</translation>
    </message>
    <message>
        <source>The broker does not offer this SASL mechanism.</source>
        <translation>Der Broker bietet diesen SASL-Mechanismus nicht an.</translation>
    </message>
    <message>
        <source>The SASL exchange went out of order.</source>
        <translation>Der SASL-Austausch ist in falscher Reihenfolge erfolgt.</translation>
    </message>
    <message>
        <source>The broker does not support this version of the request.</source>
        <translation>Der Broker unterstützt diese Version der Anfrage nicht.</translation>
    </message>
    <message>
        <source>A topic with this name already exists.</source>
        <translation>Ein Topic mit diesem Namen existiert bereits.</translation>
    </message>
    <message>
        <source>The number of partitions is not valid.</source>
        <translation>Die Anzahl der Partitionen ist ungültig.</translation>
    </message>
    <message>
        <source>The replication factor is not valid (it cannot exceed the number of brokers).</source>
        <translation>Der Replikationsfaktor ist ungültig (er darf die Anzahl der Broker nicht übersteigen).</translation>
    </message>
    <message>
        <source>The replica assignment is not valid.</source>
        <translation>Die Replikatzuweisung ist ungültig.</translation>
    </message>
    <message>
        <source>The configuration is not valid.</source>
        <translation>Die Konfiguration ist ungültig.</translation>
    </message>
    <message>
        <source>The broker asked is not the controller.</source>
        <translation>Der angefragte Broker ist nicht der Controller.</translation>
    </message>
    <message>
        <source>The broker rejected the request as malformed.</source>
        <translation>Der Broker hat die Anfrage als fehlerhaft abgelehnt.</translation>
    </message>
    <message>
        <source>The cluster&apos;s policy does not allow this.</source>
        <translation>Die Richtlinie des Clusters erlaubt dies nicht.</translation>
    </message>
    <message>
        <source>A log directory of the broker failed.</source>
        <translation>Ein Log-Verzeichnis des Brokers ist ausgefallen.</translation>
    </message>
    <message>
        <source>The log directory does not exist.</source>
        <translation>Das Log-Verzeichnis existiert nicht.</translation>
    </message>
    <message>
        <source>Authentication failed: the user name or password is wrong.</source>
        <translation>Anmeldung fehlgeschlagen: Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>A replica reassignment is already in progress for this partition.</source>
        <translation>Für diese Partition läuft bereits eine Replikat-Neuzuweisung.</translation>
    </message>
    <message>
        <source>The group still has active members; stop its consumers first.</source>
        <translation>Die Gruppe hat noch aktive Mitglieder; beenden Sie zuerst ihre Consumer.</translation>
    </message>
    <message>
        <source>The consumer group does not exist.</source>
        <translation>Die Consumer-Gruppe existiert nicht.</translation>
    </message>
    <message>
        <source>Topic deletion is disabled on this cluster.</source>
        <translation>Das Löschen von Topics ist auf diesem Cluster deaktiviert.</translation>
    </message>
    <message>
        <source>The leader epoch is out of date.</source>
        <translation>Die Leader-Epoche ist veraltet.</translation>
    </message>
    <message>
        <source>The offset is not available yet.</source>
        <translation>Der Offset ist noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>The preferred leader is not available.</source>
        <translation>Der bevorzugte Leader ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>No eligible leader is available for the partition.</source>
        <translation>Für die Partition ist kein wählbarer Leader verfügbar.</translation>
    </message>
    <message>
        <source>The preferred replica is already the leader; no election was needed.</source>
        <translation>Das bevorzugte Replikat ist bereits Leader; keine Wahl nötig.</translation>
    </message>
    <message>
        <source>No replica reassignment is in progress for this partition.</source>
        <translation>Für diese Partition läuft keine Replikat-Neuzuweisung.</translation>
    </message>
    <message>
        <source>Consumers of the group are still subscribed to the topic.</source>
        <translation>Consumer der Gruppe haben das Topic noch abonniert.</translation>
    </message>
    <message>
        <source>The cluster&apos;s rate limit for this operation was exceeded.</source>
        <translation>Das Ratenlimit des Clusters für diesen Vorgang wurde überschritten.</translation>
    </message>
    <message>
        <source>The resource does not exist.</source>
        <translation>Die Ressource existiert nicht.</translation>
    </message>
    <message>
        <source>The cluster answered with error %1 (%2).</source>
        <translation>Der Cluster hat mit Fehler %1 (%2) geantwortet.</translation>
    </message>
    <message>
        <source>(The cluster said: %1)</source>
        <translation>(Der Cluster meldet: %1)</translation>
    </message>
    <message>
        <source>The session was closed before the operation finished.</source>
        <translation>Die Sitzung wurde geschlossen, bevor der Vorgang abgeschlossen war.</translation>
    </message>
</context>
<context>
    <name>kastle::core::LogModel</name>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>Fatal</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>kastle::core::MessageBrowser</name>
    <message>
        <source>The topic %1 has no partition %2 (it has %3).</source>
        <translation>Das Topic %1 hat keine Partition %2 (es hat %3).</translation>
    </message>
    <message>
        <source>The group %1 has no committed offset for partition(s) %2; those are read from the earliest offset.</source>
        <translation>Die Gruppe %1 hat keinen committeten Offset für Partition(en) %2; diese werden ab dem frühesten Offset gelesen.</translation>
    </message>
    <message>
        <source>Could not start reading %1</source>
        <translation>Lesen von %1 konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>Reading %1 partition %2 failed</source>
        <translation>Lesen von %1 Partition %2 fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>kastle::core::MessageExport</name>
    <message>
        <source>The field &quot;%1&quot; is not a string or null.</source>
        <translation>Das Feld „%1“ ist weder ein String noch null.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is not valid base64.</source>
        <translation>Das Feld „%1“ ist kein gültiges Base64.</translation>
    </message>
    <message>
        <source>Not a JSON object: %1.</source>
        <translation>Kein JSON-Objekt: %1.</translation>
    </message>
    <message>
        <source>&quot;headers&quot; must be an array of name, value pairs.</source>
        <translation>„headers“ muss ein Array aus Name-Wert-Paaren sein.</translation>
    </message>
</context>
<context>
    <name>kastle::core::MessageFilter</name>
    <message>
        <source>A JSON path starts with $, for example $.user.id == 42.</source>
        <translation>Ein JSON-Pfad beginnt mit $, zum Beispiel $.user.id == 42.</translation>
    </message>
    <message>
        <source>Expected a member name after &quot;.&quot; at position %1.</source>
        <translation>Nach „.“ wird an Position %1 ein Membername erwartet.</translation>
    </message>
    <message>
        <source>Expected an index, * or a quoted name inside [ ] at position %1.</source>
        <translation>An Position %1 wird in [ ] ein Index, * oder ein Name in Anführungszeichen erwartet.</translation>
    </message>
    <message>
        <source>Missing ] at position %1.</source>
        <translation>Fehlende ] an Position %1.</translation>
    </message>
    <message>
        <source>Expected an operator (==, !=, &lt;, &lt;=, &gt;, &gt;=, =~) at position %1.</source>
        <translation>An Position %1 wird ein Operator erwartet (==, !=, &lt;, &lt;=, &gt;, &gt;=, =~).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number, a quoted string, true, false or null.</source>
        <translation>„%1“ ist weder eine Zahl noch ein String in Anführungszeichen, true, false oder null.</translation>
    </message>
    <message>
        <source>Unexpected text after the value at position %1.</source>
        <translation>Unerwarteter Text nach dem Wert an Position %1.</translation>
    </message>
    <message>
        <source>=~ takes a quoted regular expression.</source>
        <translation>=~ erwartet einen regulären Ausdruck in Anführungszeichen.</translation>
    </message>
    <message>
        <source>The regular expression is not valid: %1.</source>
        <translation>Der reguläre Ausdruck ist ungültig: %1.</translation>
    </message>
    <message>
        <source>Choose at least one of key, value and headers to filter on.</source>
        <translation>Wählen Sie mindestens eines von Key, Value und Headern zum Filtern.</translation>
    </message>
</context>
<context>
    <name>kastle::core::MessageModel</name>
    <message>
        <source>(null)</source>
        <translation>(null)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 (log append)</source>
        <translation>%1 (Log-Append)</translation>
    </message>
    <message>
        <source>%1 (create)</source>
        <translation>%1 (Erstellung)</translation>
    </message>
    <message>
        <source>Create time (set by the producer)</source>
        <translation>Erstellungszeit (vom Producer gesetzt)</translation>
    </message>
    <message>
        <source>Log append time (set by the broker)</source>
        <translation>Log-Append-Zeit (vom Broker gesetzt)</translation>
    </message>
    <message>
        <source>No timestamp</source>
        <translation>Kein Zeitstempel</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Showing the newest %1 of %2 messages read; the %3 oldest were dropped to keep memory bounded (window of %4 rows). Narrow the range or add a filter to see them.</source>
        <translation>Angezeigt werden die neuesten %1 von %2 gelesenen Nachrichten; die %3 ältesten wurden verworfen, um den Speicher zu begrenzen (Fenster von %4 Zeilen). Grenzen Sie den Bereich ein oder setzen Sie einen Filter, um sie zu sehen.</translation>
    </message>
</context>
<context>
    <name>kastle::core::MessageProducer</name>
    <message>
        <source>The message could not be queued</source>
        <translation>Die Nachricht konnte nicht eingereiht werden</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were not accepted</source>
        <translation>
            <numerusform>%n Nachricht wurde nicht angenommen</numerusform>
            <numerusform>%n Nachrichten wurden nicht angenommen</numerusform>
        </translation>
    </message>
    <message>
        <source>Some messages were not acknowledged in time</source>
        <translation>Einige Nachrichten wurden nicht rechtzeitig bestätigt</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Line %1 of %2: %3</source>
        <translation>Zeile %1 von %2: %3</translation>
    </message>
</context>
<context>
    <name>kastle::core::MetricsDb</name>
    <message>
        <source>The history tiers are not valid: each coarser step must be a whole multiple of the finer one.</source>
        <translation>Die Verlaufsstufen sind ungültig: Jede gröbere Stufe muss ein ganzzahliges Vielfaches der feineren sein.</translation>
    </message>
    <message>
        <source>The history file %1 cannot be read (%2) and could not be moved aside: %3</source>
        <translation>Die Verlaufsdatei %1 kann nicht gelesen werden (%2) und konnte nicht beiseitegelegt werden: %3</translation>
    </message>
    <message>
        <source>The history file %1 could not be read (%2). It was moved to %3 and a new history was started.</source>
        <translation>Die Verlaufsdatei %1 konnte nicht gelesen werden (%2). Sie wurde nach %3 verschoben und ein neuer Verlauf begonnen.</translation>
    </message>
    <message>
        <source>Could not switch %1 to WAL mode: %2</source>
        <translation>%1 konnte nicht in den WAL-Modus geschaltet werden: %2</translation>
    </message>
    <message>
        <source>Could not read the schema version of %1: %2</source>
        <translation>Die Schemaversion von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The history file %1 was written by a newer Kastle (schema version %2; this one knows up to %3). It was left untouched.</source>
        <translation>Die Verlaufsdatei %1 wurde von einem neueren Kastle geschrieben (Schemaversion %2; diese Version kennt bis %3). Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Could not migrate %1 from schema version %2: %3</source>
        <translation>%1 konnte nicht von Schemaversion %2 migriert werden: %3</translation>
    </message>
    <message>
        <source>%1 in the history file %2: %3</source>
        <translation>%1 in der Verlaufsdatei %2: %3</translation>
    </message>
    <message>
        <source>The history file %1 is damaged (%2) and could not be moved aside: %3</source>
        <translation>Die Verlaufsdatei %1 ist beschädigt (%2) und konnte nicht beiseitegelegt werden: %3</translation>
    </message>
    <message>
        <source>The history file %1 is damaged (%2). It was moved to %3 and a new history was started.</source>
        <translation>Die Verlaufsdatei %1 ist beschädigt (%2). Sie wurde nach %3 verschoben und ein neuer Verlauf begonnen.</translation>
    </message>
    <message>
        <source>Could not add an entity</source>
        <translation>Eintrag konnte nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Could not write a sample</source>
        <translation>Messwert konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Could not read a sample</source>
        <translation>Messwert konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not write an event</source>
        <translation>Ereignis konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Could not write the history state</source>
        <translation>Verlaufsstatus konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>The history is not open.</source>
        <translation>Der Verlauf ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Could not start writing</source>
        <translation>Schreiben konnte nicht begonnen werden</translation>
    </message>
    <message>
        <source>Could not commit</source>
        <translation>Commit fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not checkpoint</source>
        <translation>Checkpoint fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not read the history</source>
        <translation>Der Verlauf konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>This figure is not recorded for this kind of entity.</source>
        <translation>Dieser Wert wird für diese Art von Eintrag nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>Could not read the events</source>
        <translation>Die Ereignisse konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not trim the history</source>
        <translation>Der Verlauf konnte nicht gekürzt werden</translation>
    </message>
    <message>
        <source>Could not trim the events</source>
        <translation>Die Ereignisse konnten nicht gekürzt werden</translation>
    </message>
    <message>
        <source>Could not measure the history</source>
        <translation>Der Verlauf konnte nicht vermessen werden</translation>
    </message>
    <message>
        <source>Could not shrink the history file</source>
        <translation>Die Verlaufsdatei konnte nicht verkleinert werden</translation>
    </message>
</context>
<context>
    <name>kastle::core::MetricsStore</name>
    <message numerus="yes">
        <source>The history is not open; %n round(s) of figures were not kept.</source>
        <translation>
            <numerusform>Der Verlauf ist nicht geöffnet; %n Messrunde wurde nicht gespeichert.</numerusform>
            <numerusform>Der Verlauf ist nicht geöffnet; %n Messrunden wurden nicht gespeichert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kastle::core::OAuthBearerClient</name>
    <message>
        <source>The cluster rejected the OAUTHBEARER token: %1</source>
        <translation>Der Cluster hat das OAUTHBEARER-Token abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>kastle::core::Op</name>
    <message>
        <source>The session is closed.</source>
        <translation>Die Sitzung ist geschlossen.</translation>
    </message>
</context>
<context>
    <name>kastle::core::PartitionModel</name>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Under min ISR</source>
        <translation>Unter Min-ISR</translation>
    </message>
    <message>
        <source>Under-replicated</source>
        <translation>Unterrepliziert</translation>
    </message>
    <message>
        <source>Leader not preferred</source>
        <translation>Leader nicht bevorzugt</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Replikate</translation>
    </message>
    <message>
        <source>In sync</source>
        <translation>In-Sync</translation>
    </message>
    <message>
        <source>Start offset</source>
        <translation>Start-Offset</translation>
    </message>
    <message>
        <source>End offset</source>
        <translation>End-Offset</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Messages/s</source>
        <translation>Nachrichten/s</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Out of sync: %1</source>
        <translation>Nicht synchron: %1</translation>
    </message>
    <message>
        <source> (%1 out of sync)</source>
        <translation> (%1 nicht synchron)</translation>
    </message>
</context>
<context>
    <name>kastle::core::PayloadFormat</name>
    <message numerus="yes">
        <source>… %n more byte(s) not shown</source>
        <translation>
            <numerusform>… %n weiteres Byte nicht angezeigt</numerusform>
            <numerusform>… %n weitere Bytes nicht angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kastle::core::ProfileImport</name>
    <message>
        <source>malformed \u escape.</source>
        <translation>fehlerhafte \u-Escape-Sequenz.</translation>
    </message>
    <message>
        <source>the line has a value but no key.</source>
        <translation>die Zeile hat einen Wert, aber keinen Schlüssel.</translation>
    </message>
    <message>
        <source>expected key=value, found &quot;%1&quot;.</source>
        <translation>erwartet schlüssel=wert, gefunden „%1“.</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>%1 is set again (first on line %2); the last value counts.</source>
        <translation>%1 wird erneut gesetzt (zuerst in Zeile %2); der letzte Wert gilt.</translation>
    </message>
    <message>
        <source>unknown security.protocol &quot;%1&quot;; expected PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL.</source>
        <translation>unbekanntes security.protocol „%1“; erwartet PLAINTEXT, SSL, SASL_PLAINTEXT oder SASL_SSL.</translation>
    </message>
    <message>
        <source>unsupported SASL mechanism &quot;%1&quot;; Kastle supports PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, GSSAPI and OAUTHBEARER.</source>
        <translation>nicht unterstützter SASL-Mechanismus „%1“; Kastle unterstützt PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, GSSAPI und OAUTHBEARER.</translation>
    </message>
    <message>
        <source>unknown endpoint identification algorithm &quot;%1&quot;; expected https or an empty value.</source>
        <translation>unbekannter Algorithmus zur Endpunkt-Identifikation „%1“; erwartet https oder einen leeren Wert.</translation>
    </message>
    <message>
        <source>Java key stores are not supported. Export the client certificate and key as PEM files (for example: openssl pkcs12 -in keystore.p12 -nokeys -out client.pem and -nocerts -out client.key) and use ssl.certificate.location and ssl.key.location.</source>
        <translation>Java-Keystores werden nicht unterstützt. Exportieren Sie Client-Zertifikat und Schlüssel als PEM-Dateien (zum Beispiel: openssl pkcs12 -in keystore.p12 -nokeys -out client.pem und -nocerts -out client.key) und verwenden Sie ssl.certificate.location und ssl.key.location.</translation>
    </message>
    <message>
        <source>%1 is not needed with PEM files and was ignored.</source>
        <translation>%1 wird bei PEM-Dateien nicht gebraucht und wurde ignoriert.</translation>
    </message>
    <message>
        <source>%1 is a Java client setting that Kastle does not use; it was ignored.</source>
        <translation>%1 ist eine Einstellung des Java-Clients, die Kastle nicht verwendet; sie wurde ignoriert.</translation>
    </message>
    <message>
        <source>the file sets no bootstrap.servers.</source>
        <translation>die Datei setzt kein bootstrap.servers.</translation>
    </message>
    <message>
        <source>ssl.truststore.location &quot;%1&quot; is not a PEM file. JKS and PKCS12 trust stores are not supported; convert it with: keytool -exportcert -rfc -keystore %1 -alias &lt;alias&gt; -file ca.pem (or openssl pkcs12 -in %1 -nokeys -out ca.pem) and point ssl.truststore.location or ssl.ca.location at ca.pem.</source>
        <translation>ssl.truststore.location „%1“ ist keine PEM-Datei. JKS- und PKCS12-Truststores werden nicht unterstützt; wandeln Sie ihn um mit: keytool -exportcert -rfc -keystore %1 -alias &lt;alias&gt; -file ca.pem (oder openssl pkcs12 -in %1 -nokeys -out ca.pem) und lassen Sie ssl.truststore.location oder ssl.ca.location auf ca.pem zeigen.</translation>
    </message>
    <message>
        <source>sasl.jaas.config could not be read; expected: LoginModule required username=&quot;...&quot; password=&quot;...&quot;;</source>
        <translation>sasl.jaas.config ist nicht lesbar; erwartet: LoginModule required username=&quot;...&quot; password=&quot;...&quot;;</translation>
    </message>
    <message>
        <source>%1 does not fit sasl.mechanism %2.</source>
        <translation>%1 passt nicht zu sasl.mechanism %2.</translation>
    </message>
    <message>
        <source>sasl.jaas.config has no username or no password.</source>
        <translation>sasl.jaas.config enthält keinen Benutzernamen oder kein Passwort.</translation>
    </message>
    <message>
        <source>OAuthBearerLoginModule options were ignored; enter the static token in the connection dialog.</source>
        <translation>Die Optionen von OAuthBearerLoginModule wurden ignoriert; geben Sie das statische Token im Verbindungsdialog ein.</translation>
    </message>
    <message>
        <source>unsupported login module %1.</source>
        <translation>nicht unterstütztes Login-Modul %1.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Imported connection</source>
        <translation>Importierte Verbindung</translation>
    </message>
    <message>
        <source>Nothing was imported because the file has problems:
%1</source>
        <translation>Es wurde nichts importiert, weil die Datei Probleme enthält:
%1</translation>
    </message>
</context>
<context>
    <name>kastle::core::ProfileRules</name>
    <message>
        <source>Enter at least one bootstrap server as host:port.</source>
        <translation>Geben Sie mindestens einen Bootstrap-Server als host:port ein.</translation>
    </message>
    <message>
        <source>The server list has an empty entry; separate servers with single commas.</source>
        <translation>Die Serverliste hat einen leeren Eintrag; trennen Sie Server mit einzelnen Kommas.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not of the form host:port.</source>
        <translation>„%1“ hat nicht die Form host:port.</translation>
    </message>
    <message>
        <source>The port in &quot;%1&quot; must be between 1 and 65535.</source>
        <translation>Der Port in „%1“ muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>%1 needs a user name.</source>
        <translation>%1 braucht einen Benutzernamen.</translation>
    </message>
    <message>
        <source>%1 needs a password.</source>
        <translation>%1 braucht ein Passwort.</translation>
    </message>
    <message>
        <source>OAUTHBEARER needs a token.</source>
        <translation>OAUTHBEARER braucht ein Token.</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; does not exist.</source>
        <translation>Die %1 „%2“ existiert nicht.</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; is not a readable file.</source>
        <translation>Die %1 „%2“ ist keine lesbare Datei.</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>certificate file</source>
        <translation>Zertifikatsdatei</translation>
    </message>
    <message>
        <source>key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>A client certificate needs both the certificate file and its key file.</source>
        <translation>Ein Client-Zertifikat braucht die Zertifikatsdatei und die zugehörige Schlüsseldatei.</translation>
    </message>
    <message>
        <source>Host name verification is off: Kastle will accept any certificate signed by the CA, even one for another server.</source>
        <translation>Die Prüfung des Hostnamens ist aus: Kastle akzeptiert jedes von der CA signierte Zertifikat, auch eines für einen anderen Server.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid librdkafka property name.</source>
        <translation>„%1“ ist kein gültiger Name einer librdkafka-Eigenschaft.</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
</context>
<context>
    <name>kastle::core::RdKafkaAdmin</name>
    <message>
        <source>librdkafka could not start: %1</source>
        <translation>librdkafka konnte nicht starten: %1</translation>
    </message>
</context>
<context>
    <name>kastle::core::RdKafkaConfigBuilder</name>
    <message>
        <source>librdkafka rejected the property %1: %2</source>
        <translation>librdkafka hat die Eigenschaft %1 abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>kastle::core::SampleData</name>
    <message>
        <source>Could not start the sample producer: %1</source>
        <translation>Der Beispiel-Producer konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Could not create the sample topic %1: %2</source>
        <translation>Das Beispiel-Topic %1 konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Could not create the sample topics: %1</source>
        <translation>Die Beispiel-Topics konnten nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Could not start the sample consumer group %1: %2</source>
        <translation>Die Beispiel-Consumer-Gruppe %1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The sample consumer group %1 could not subscribe: %2</source>
        <translation>Die Beispiel-Consumer-Gruppe %1 konnte nicht abonnieren: %2</translation>
    </message>
</context>
<context>
    <name>kastle::core::SandboxController</name>
    <message>
        <source>The sandbox is stopped.</source>
        <translation>Die Sandbox ist gestoppt.</translation>
    </message>
    <message>
        <source>The sandbox is starting…</source>
        <translation>Die Sandbox startet …</translation>
    </message>
    <message>
        <source>The sandbox is running at %1.</source>
        <translation>Die Sandbox läuft unter %1.</translation>
    </message>
    <message>
        <source>The sandbox is stopping…</source>
        <translation>Die Sandbox wird gestoppt …</translation>
    </message>
    <message>
        <source>Could not create the sandbox data directory %1.</source>
        <translation>Das Datenverzeichnis der Sandbox %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The sandbox broker did not report ready within %1 seconds.</source>
        <translation>Der Sandbox-Broker hat sich nicht innerhalb von %1 Sekunden bereit gemeldet.</translation>
    </message>
    <message>
        <source>Could not start the sandbox broker %1: %2</source>
        <translation>Der Sandbox-Broker %1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>the sandbox broker was killed or crashed</source>
        <translation>der Sandbox-Broker wurde beendet oder ist abgestürzt</translation>
    </message>
    <message>
        <source>the sandbox broker exited with code %1</source>
        <translation>der Sandbox-Broker wurde mit Code %1 beendet</translation>
    </message>
    <message>
        <source>Stop the sandbox before resetting its data.</source>
        <translation>Beenden Sie die Sandbox, bevor Sie ihre Daten zurücksetzen.</translation>
    </message>
    <message>
        <source>Could not remove everything in %1.</source>
        <translation>In %1 konnte nicht alles entfernt werden.</translation>
    </message>
    <message>
        <source>The sandbox broker (started by an earlier Kastle) exited.</source>
        <translation>Der Sandbox-Broker (von einem früheren Kastle gestartet) wurde beendet.</translation>
    </message>
</context>
<context>
    <name>kastle::core::ScramClient</name>
    <message>
        <source>The SCRAM exchange went out of order.</source>
        <translation>Der SCRAM-Austausch ist in falscher Reihenfolge erfolgt.</translation>
    </message>
    <message>
        <source>The cluster refused the SCRAM login: %1</source>
        <translation>Der Cluster hat die SCRAM-Anmeldung abgelehnt: %1</translation>
    </message>
    <message>
        <source>The cluster&apos;s SCRAM challenge is malformed.</source>
        <translation>Die SCRAM-Challenge des Clusters ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The cluster asked for %1 SCRAM iterations, which Kastle does not accept.</source>
        <translation>Der Cluster verlangt %1 SCRAM-Iterationen; das akzeptiert Kastle nicht.</translation>
    </message>
    <message>
        <source>The cluster&apos;s SCRAM signature is wrong; it may not be the server it claims to be.</source>
        <translation>Die SCRAM-Signatur des Clusters ist falsch; möglicherweise ist es nicht der Server, der er zu sein vorgibt.</translation>
    </message>
</context>
<context>
    <name>kastle::core::SecretStore</name>
    <message>
        <source>The system keychain could not store the secret (%1). It is kept in memory until Kastle quits and will be asked for again next time; it was not written to disk.</source>
        <translation>Der Schlüsselbund des Systems konnte das Geheimnis nicht speichern (%1). Es bleibt bis zum Beenden von Kastle im Speicher und wird beim nächsten Mal erneut abgefragt; es wurde nicht auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>The system keychain could not be read (%1).</source>
        <translation>Der Schlüsselbund des Systems konnte nicht gelesen werden (%1).</translation>
    </message>
</context>
<context>
    <name>kastle::core::SessionOperations</name>
    <message>
        <source>Could not delete consumer group %1</source>
        <translation>Consumer-Gruppe %1 konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Could not reset the offsets of consumer group %1</source>
        <translation>Die Offsets der Consumer-Gruppe %1 konnten nicht zurückgesetzt werden</translation>
    </message>
    <message>
        <source>The group has no committed offsets yet; choose the partitions to reset.</source>
        <translation>Die Gruppe hat noch keine committeten Offsets; wählen Sie die zurückzusetzenden Partitionen.</translation>
    </message>
    <message>
        <source>Could not elect leaders</source>
        <translation>Leader konnten nicht gewählt werden</translation>
    </message>
    <message>
        <source>The session is not connected.</source>
        <translation>Die Sitzung ist nicht verbunden.</translation>
    </message>
    <message>
        <source>Could not change the replica assignment</source>
        <translation>Die Replikatzuweisung konnte nicht geändert werden</translation>
    </message>
    <message>
        <source>Could not list the replica moves in progress</source>
        <translation>Die laufenden Replikat-Verschiebungen konnten nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Could not describe the cluster</source>
        <translation>Der Cluster konnte nicht abgefragt werden</translation>
    </message>
    <message>
        <source>Could not create topic %1</source>
        <translation>Topic %1 konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Could not delete topic %1</source>
        <translation>Topic %1 konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Could not add partitions to topic %1</source>
        <translation>Dem Topic %1 konnten keine Partitionen hinzugefügt werden</translation>
    </message>
    <message>
        <source>Could not read the configuration of topic %1</source>
        <translation>Die Konfiguration von Topic %1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not read the configuration of broker %1</source>
        <translation>Die Konfiguration von Broker %1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not change the configuration of topic %1</source>
        <translation>Die Konfiguration von Topic %1 konnte nicht geändert werden</translation>
    </message>
    <message>
        <source>Could not change the configuration of broker %1</source>
        <translation>Die Konfiguration von Broker %1 konnte nicht geändert werden</translation>
    </message>
    <message>
        <source>Could not delete records of topic %1</source>
        <translation>Records von Topic %1 konnten nicht gelöscht werden</translation>
    </message>
</context>
<context>
    <name>kastle::core::SessionWorker</name>
    <message>
        <source>Reconnecting to %1 (attempt %2)…</source>
        <translation>Neue Verbindung zu %1 (Versuch %2)…</translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n broker(s).</source>
        <translation>
            <numerusform>Verbunden: %n Broker.</numerusform>
            <numerusform>Verbunden: %n Broker.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>The session was closed.</source>
        <translation>Die Sitzung wurde geschlossen.</translation>
    </message>
    <message>
        <source>Some figures are missing or stale: %1</source>
        <translation>Einige Werte fehlen oder sind veraltet: %1</translation>
    </message>
    <message>
        <source>%1 Trying again in %2 s.</source>
        <translation>%1 Neuer Versuch in %2 s.</translation>
    </message>
</context>
<context>
    <name>kastle::core::T</name>
    <message>
        <source>The session is closed.</source>
        <translation>Die Sitzung ist geschlossen.</translation>
    </message>
    <message>
        <source>The session was closed before the operation finished.</source>
        <translation>Die Sitzung wurde geschlossen, bevor der Vorgang abgeschlossen war.</translation>
    </message>
</context>
<context>
    <name>kastle::core::TemplateStore</name>
    <message>
        <source>Could not read the produce templates: %1</source>
        <translation>Die Produce-Vorlagen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>A template needs a name.</source>
        <translation>Eine Vorlage braucht einen Namen.</translation>
    </message>
    <message>
        <source>Could not save the template &quot;%1&quot;: %2</source>
        <translation>Die Vorlage „%1“ konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Could not delete the template &quot;%1&quot;: %2</source>
        <translation>Die Vorlage „%1“ konnte nicht gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>kastle::core::TopicModel</name>
    <message numerus="yes">
        <source>%n offline</source>
        <translation>
            <numerusform>%n offline</numerusform>
            <numerusform>%n offline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n under min ISR</source>
        <translation>
            <numerusform>%n unter Min-ISR</numerusform>
            <numerusform>%n unter Min-ISR</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n under-replicated</source>
        <translation>
            <numerusform>%n unterrepliziert</numerusform>
            <numerusform>%n unterrepliziert</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/s</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>Partitionen</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Replikation</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Messages/s</source>
        <translation>Nachrichten/s</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>Bytes/s</translation>
    </message>
    <message>
        <source>Under-replicated</source>
        <translation>Unterrepliziert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>Fehler %1</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) below min.insync.replicas</source>
        <translation>
            <numerusform>%n Partition unter min.insync.replicas</numerusform>
            <numerusform>%n Partitionen unter min.insync.replicas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (internal)</source>
        <translation>%1 (intern)</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
</context>
<context>
    <name>kastle::core::WireClient</name>
    <message>
        <source>The cluster sent an answer Kastle cannot read (%1).</source>
        <translation>Der Cluster hat eine Antwort gesendet, die Kastle nicht lesen kann (%1).</translation>
    </message>
    <message>
        <source>The cluster has no controller at the moment.</source>
        <translation>Der Cluster hat im Moment keinen Controller.</translation>
    </message>
    <message>
        <source>Broker %1 is not part of the cluster.</source>
        <translation>Broker %1 gehört nicht zum Cluster.</translation>
    </message>
    <message>
        <source>No broker of the cluster can be reached.</source>
        <translation>Kein Broker des Clusters ist erreichbar.</translation>
    </message>
    <message>
        <source>No broker of the cluster can be reached. %1</source>
        <translation>Kein Broker des Clusters ist erreichbar. %1</translation>
    </message>
    <message>
        <source>The session was closed.</source>
        <translation>Die Sitzung wurde geschlossen.</translation>
    </message>
</context>
<context>
    <name>kastle::core::WireConnection</name>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>broker %1 (%2)</source>
        <translation>Broker %1 (%2)</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>the broker moved to a new address</source>
        <translation>der Broker ist auf eine neue Adresse umgezogen</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed: %2</source>
        <translation>Die TLS-Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The host name of %1 cannot be resolved.</source>
        <translation>Der Hostname von %1 kann nicht aufgelöst werden.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed: the broker closed the connection during the handshake (is it a TLS listener?).</source>
        <translation>Die TLS-Verbindung zu %1 ist fehlgeschlagen: Der Broker hat die Verbindung während des Handshakes geschlossen (ist es ein TLS-Listener?).</translation>
    </message>
    <message>
        <source>%1 sent an ApiVersions answer Kastle cannot read (%2).</source>
        <translation>%1 hat eine ApiVersions-Antwort gesendet, die Kastle nicht lesen kann (%2).</translation>
    </message>
    <message>
        <source>%1 refused ApiVersions</source>
        <translation>%1 hat ApiVersions abgelehnt</translation>
    </message>
    <message>
        <source>Kastle&apos;s own client cannot use this SASL mechanism.</source>
        <translation>Kastles eigener Client kann diesen SASL-Mechanismus nicht verwenden.</translation>
    </message>
    <message>
        <source>%1 does not offer SASL authentication (SaslHandshake v1 and SaslAuthenticate); is it a SASL listener?</source>
        <translation>%1 bietet keine SASL-Authentifizierung an (SaslHandshake v1 und SaslAuthenticate); ist es ein SASL-Listener?</translation>
    </message>
    <message>
        <source>%1 sent a SASL answer Kastle cannot read.</source>
        <translation>%1 hat eine SASL-Antwort gesendet, die Kastle nicht lesen kann.</translation>
    </message>
    <message>
        <source>%1 does not offer SASL %2; it offers: %3.</source>
        <translation>%1 bietet SASL %2 nicht an; angeboten wird: %3.</translation>
    </message>
    <message>
        <source>%1 refused the login</source>
        <translation>%1 hat die Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>%1 does not serve %2 in a version Kastle speaks.</source>
        <translation>%1 bietet %2 in keiner Version an, die Kastle spricht.</translation>
    </message>
    <message>
        <source>Kastle could not encode the request: %1</source>
        <translation>Kastle konnte die Anfrage nicht kodieren: %1</translation>
    </message>
    <message>
        <source>%1 sent a frame of %2 bytes, which cannot be right.</source>
        <translation>%1 hat einen Frame von %2 Bytes gesendet; das kann nicht stimmen.</translation>
    </message>
    <message>
        <source>%1 sent an answer nobody asked for.</source>
        <translation>%1 hat eine Antwort gesendet, nach der niemand gefragt hat.</translation>
    </message>
    <message>
        <source>%1 answered out of order.</source>
        <translation>%1 hat in falscher Reihenfolge geantwortet.</translation>
    </message>
    <message>
        <source>%1 did not complete the connection within %2 s.</source>
        <translation>%1 hat die Verbindung nicht innerhalb von %2 s hergestellt.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>%1 stopped answering.</source>
        <translation>%1 antwortet nicht mehr.</translation>
    </message>
</context>
<context>
    <name>kastle::core::WireSecurityBuilder</name>
    <message>
        <source>Kastle&apos;s own client cannot authenticate with GSSAPI (Kerberos); live figures need PLAIN, SCRAM or OAUTHBEARER.</source>
        <translation>Kastles eigener Client kann sich nicht mit GSSAPI (Kerberos) anmelden; Live-Werte brauchen PLAIN, SCRAM oder OAUTHBEARER.</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read.</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The CA file %1 holds no certificate.</source>
        <translation>Die CA-Datei %1 enthält kein Zertifikat.</translation>
    </message>
    <message>
        <source>The certificate file %1 cannot be read.</source>
        <translation>Die Zertifikatsdatei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The certificate file %1 holds no certificate.</source>
        <translation>Die Zertifikatsdatei %1 enthält kein Zertifikat.</translation>
    </message>
    <message>
        <source>The key file %1 cannot be read.</source>
        <translation>Die Schlüsseldatei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The key in %1 cannot be read; is the key password right?</source>
        <translation>Der Schlüssel in %1 kann nicht gelesen werden; ist das Schlüsselpasswort richtig?</translation>
    </message>
</context>
<context>
    <name>kastle::core::Workspace</name>
    <message>
        <source>%1 Kastle is using a temporary database for this session; changes will not be kept.</source>
        <translation>%1 Kastle verwendet für diese Sitzung eine temporäre Datenbank; Änderungen werden nicht gespeichert.</translation>
    </message>
    <message>
        <source>There is no connection to duplicate.</source>
        <translation>Es gibt keine Verbindung zum Duplizieren.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
</context>
<context>
    <name>kastle::ui::AboutDialog</name>
    <message>
        <source>About Kastle</source>
        <translation>Über Kastle</translation>
    </message>
    <message>
        <source>Kastle %1</source>
        <translation>Kastle %1</translation>
    </message>
    <message>
        <source>A desktop console for Apache Kafka, with its own Kafka-compatible broker for a local sandbox.</source>
        <translation>Eine Desktop-Konsole für Apache Kafka, mit eigenem Kafka-kompatiblem Broker für eine lokale Sandbox.</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>Kastle:</source>
        <translation>Kastle:</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <source>librdkafka:</source>
        <translation>librdkafka:</translation>
    </message>
</context>
<context>
    <name>kastle::ui::AddPartitionsDialog</name>
    <message>
        <source>Add partitions to %1</source>
        <translation>Partitionen zu %1 hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>The topic has %n partition(s). Partitions can be added but never removed, and keys will map to different partitions afterwards, which breaks per-key ordering for keyed producers.</source>
        <translation>
            <numerusform>Das Topic hat %n Partition. Partitionen lassen sich hinzufügen, aber nie entfernen, und Keys werden danach anderen Partitionen zugeordnet; das bricht die Reihenfolge pro Key bei Producern mit Keys.</numerusform>
            <numerusform>Das Topic hat %n Partitionen. Partitionen lassen sich hinzufügen, aber nie entfernen, und Keys werden danach anderen Partitionen zugeordnet; das bricht die Reihenfolge pro Key bei Producern mit Keys.</numerusform>
        </translation>
    </message>
    <message>
        <source>New &amp;total:</source>
        <translation>Neue &amp;Gesamtzahl:</translation>
    </message>
    <message>
        <source>Add partitions</source>
        <translation>Partitionen hinzufügen</translation>
    </message>
</context>
<context>
    <name>kastle::ui::BrokersPage</name>
    <message>
        <source>Select a broker to see its configs.</source>
        <translation>Wählen Sie einen Broker, um seine Konfiguration zu sehen.</translation>
    </message>
    <message>
        <source>Filter configs (Ctrl+F)</source>
        <translation>Konfiguration filtern (Strg+F)</translation>
    </message>
    <message>
        <source>The cluster reported no brokers.</source>
        <translation>Der Cluster meldet keine Broker.</translation>
    </message>
    <message>
        <source>Configs of broker %1: loading…</source>
        <translation>Konfiguration von Broker %1: wird geladen…</translation>
    </message>
    <message>
        <source>Configs of broker %1 could not be read: %2</source>
        <translation>Konfiguration von Broker %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Configs of broker %1 (%n entries)</source>
        <translation>
            <numerusform>Konfiguration von Broker %1 (%n Eintrag)</numerusform>
            <numerusform>Konfiguration von Broker %1 (%n Einträge)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kastle::ui::ClusterListDelegate</name>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
</context>
<context>
    <name>kastle::ui::ClusterPage</name>
    <message>
        <source>Not connected. Connect to the cluster to see it.</source>
        <translation>Nicht verbunden. Verbinden Sie sich mit dem Cluster, um ihn zu sehen.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>The cluster does not answer: %1</source>
        <translation>Der Cluster antwortet nicht: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>kastle::ui::ClusterView</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Brokers</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>Consumer-Gruppen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>SANDBOX</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Start the sandbox first.</source>
        <translation>Starten Sie zuerst die Sandbox.</translation>
    </message>
</context>
<context>
    <name>kastle::ui::ConfigEditorDialog</name>
    <message>
        <source>Configs of topic %1</source>
        <translation>Konfiguration von Topic %1</translation>
    </message>
    <message>
        <source>Configs of broker %1</source>
        <translation>Konfiguration von Broker %1</translation>
    </message>
    <message>
        <source>Filter configs</source>
        <translation>Konfiguration filtern</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>Auf Standard zurücksetzen</translation>
    </message>
    <message>
        <source>Double-click a value to change it; clear it (or use the context menu) to return to the default. Read-only configs come from the broker&apos;s file.</source>
        <translation>Doppelklicken Sie auf einen Wert, um ihn zu ändern; leeren Sie ihn (oder nutzen Sie das Kontextmenü), um zum Standard zurückzukehren. Schreibgeschützte Einträge stammen aus der Datei des Brokers.</translation>
    </message>
    <message>
        <source>Not connected: configs are shown read-only.</source>
        <translation>Nicht verbunden: Die Konfiguration wird schreibgeschützt angezeigt.</translation>
    </message>
    <message>
        <source>These changes will be sent:</source>
        <translation>Diese Änderungen werden gesendet:</translation>
    </message>
    <message>
        <source>Review changes…</source>
        <translation>Änderungen prüfen…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>reset  %1: %2 → default</source>
        <translation>zurücksetzen %1: %2 → Standard</translation>
    </message>
    <message>
        <source>set    %1: %2 → %3</source>
        <translation>setzen       %1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>kastle::ui::ConfigTableModel</name>
    <message>
        <source>topic override</source>
        <translation>Topic-Override</translation>
    </message>
    <message>
        <source>broker (dynamic)</source>
        <translation>Broker (dynamisch)</translation>
    </message>
    <message>
        <source>cluster default (dynamic)</source>
        <translation>Cluster-Standard (dynamisch)</translation>
    </message>
    <message>
        <source>broker config file</source>
        <translation>Broker-Konfigurationsdatei</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>broker logger</source>
        <translation>Broker-Logger</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Read-only: set in the broker&apos;s configuration file.</source>
        <translation>Schreibgeschützt: in der Konfigurationsdatei des Brokers gesetzt.</translation>
    </message>
    <message>
        <source>(reset to default)</source>
        <translation>(auf Standard zurückgesetzt)</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(verborgen)</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
</context>
<context>
    <name>kastle::ui::ConnectionDialog</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.cer *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>e.g. Payments production</source>
        <translation>z. B. Zahlungen Produktion</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>host:port, host:port</source>
        <translation>host:port, host:port</translation>
    </message>
    <message>
        <source>&amp;Bootstrap servers:</source>
        <translation>&amp;Bootstrap-Server:</translation>
    </message>
    <message>
        <source>&amp;Security protocol:</source>
        <translation>&amp;Sicherheitsprotokoll:</translation>
    </message>
    <message>
        <source>SASL authentication</source>
        <translation>SASL-Authentifizierung</translation>
    </message>
    <message>
        <source>&amp;Mechanism:</source>
        <translation>&amp;Mechanismus:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>static bearer token</source>
        <translation>statisches Bearer-Token</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>system certificates</source>
        <translation>Zertifikate des Systems</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation>Client-&amp;Zertifikat:</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>Client-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>only for an encrypted key</source>
        <translation>nur für einen verschlüsselten Schlüssel</translation>
    </message>
    <message>
        <source>Key pass&amp;word:</source>
        <translation>Schlüssel-Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Verify the server&apos;s host name</source>
        <translation>Hostnamen des Servers &amp;prüfen</translation>
    </message>
    <message>
        <source>Extra librdkafka properties</source>
        <translation>Weitere librdkafka-Eigenschaften</translation>
    </message>
    <message>
        <source>one key=value per line, e.g. client.id=kastle</source>
        <translation>ein schlüssel=wert pro Zeile, z. B. client.id=kastle</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>%1 — changes here affect live systems</source>
        <translation>%1 – Änderungen betreffen Live-Systeme</translation>
    </message>
    <message>
        <source>Kerberos &amp;principal:</source>
        <translation>Kerberos-&amp;Principal:</translation>
    </message>
    <message>
        <source>&amp;Principal name:</source>
        <translation>&amp;Principal-Name:</translation>
    </message>
    <message>
        <source>optional, e.g. kafka-client@EXAMPLE.COM</source>
        <translation>optional, z. B. kafka-client@EXAMPLE.COM</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Line %1 is not of the form key=value.</source>
        <translation>Zeile %1 hat nicht die Form schlüssel=wert.</translation>
    </message>
    <message>
        <source>Edit connection</source>
        <translation>Verbindung bearbeiten</translation>
    </message>
    <message>
        <source>%1 Secrets you enter here are kept in memory until Kastle quits and are never written to disk.</source>
        <translation>%1 Hier eingegebene Geheimnisse bleiben bis zum Beenden von Kastle im Speicher und werden nie auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Teste %1 …</translation>
    </message>
</context>
<context>
    <name>kastle::ui::CreateTopicDialog</name>
    <message>
        <source>Create topic</source>
        <translation>Topic anlegen</translation>
    </message>
    <message>
        <source>e.g. orders</source>
        <translation>z. B. orders</translation>
    </message>
    <message>
        <source>delete (by time and size)</source>
        <translation>delete (nach Zeit und Größe)</translation>
    </message>
    <message>
        <source>compact (latest value per key)</source>
        <translation>compact (letzter Wert je Key)</translation>
    </message>
    <message>
        <source>broker default</source>
        <translation>Broker-Standard</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>forever</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>as the producer sent it</source>
        <translation>wie vom Producer gesendet</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Partitions:</source>
        <translation>&amp;Partitionen:</translation>
    </message>
    <message>
        <source>&amp;Replication factor:</source>
        <translation>&amp;Replikationsfaktor:</translation>
    </message>
    <message>
        <source>&amp;Cleanup policy:</source>
        <translation>&amp;Cleanup-Policy:</translation>
    </message>
    <message>
        <source>R&amp;etention:</source>
        <translation>&amp;Aufbewahrung:</translation>
    </message>
    <message>
        <source>&amp;Min. in-sync replicas:</source>
        <translation>&amp;Min. In-Sync-Replikate:</translation>
    </message>
    <message>
        <source>C&amp;ompression:</source>
        <translation>K&amp;ompression:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>A topic cannot be named &quot;.&quot; or &quot;..&quot;.</source>
        <translation>Ein Topic darf nicht „.“ oder „..“ heißen.</translation>
    </message>
    <message>
        <source>A topic name has at most 249 characters.</source>
        <translation>Ein Topic-Name hat höchstens 249 Zeichen.</translation>
    </message>
    <message>
        <source>A topic name may only contain letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Ein Topic-Name darf nur Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos; enthalten.</translation>
    </message>
    <message>
        <source>A topic named %1 already exists.</source>
        <translation>Ein Topic namens %1 existiert bereits.</translation>
    </message>
    <message numerus="yes">
        <source>The replication factor cannot be larger than the number of brokers (%n).</source>
        <translation>
            <numerusform>Der Replikationsfaktor darf nicht größer als die Anzahl der Broker (%n) sein.</numerusform>
            <numerusform>Der Replikationsfaktor darf nicht größer als die Anzahl der Broker (%n) sein.</numerusform>
        </translation>
    </message>
    <message>
        <source>Min. in-sync replicas cannot be larger than the replication factor: every write would fail.</source>
        <translation>Min. In-Sync-Replikate darf nicht größer als der Replikationsfaktor sein: Jeder Schreibvorgang würde fehlschlagen.</translation>
    </message>
</context>
<context>
    <name>kastle::ui::DeleteTopicDialog</name>
    <message>
        <source>Delete topic %1</source>
        <translation>Topic %1 löschen</translation>
    </message>
    <message>
        <source>Deleting &lt;b&gt;%1&lt;/b&gt; removes all its messages on every broker. Consumers of the topic will fail to read it. This cannot be undone.</source>
        <translation>Das Löschen von &lt;b&gt;%1&lt;/b&gt; entfernt alle seine Nachrichten auf jedem Broker. Consumer des Topics können es danach nicht mehr lesen. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>This is a PRODUCTION cluster. Make sure no application still writes to or reads from this topic.</source>
        <translation>Dies ist ein PRODUKTIV-Cluster. Stellen Sie sicher, dass keine Anwendung mehr in dieses Topic schreibt oder daraus liest.</translation>
    </message>
    <message>
        <source>Type the topic name to confirm:</source>
        <translation>Geben Sie zur Bestätigung den Topic-Namen ein:</translation>
    </message>
    <message>
        <source>I understand that this deletes production data</source>
        <translation>Mir ist bewusst, dass dadurch Produktivdaten gelöscht werden</translation>
    </message>
    <message>
        <source>Delete topic</source>
        <translation>Topic löschen</translation>
    </message>
</context>
<context>
    <name>kastle::ui::GroupsPage</name>
    <message>
        <source>Filter groups (Ctrl+F)</source>
        <translation>Gruppen filtern (Strg+F)</translation>
    </message>
    <message>
        <source>← All groups</source>
        <translation>← Alle Gruppen</translation>
    </message>
    <message>
        <source>Delete group…</source>
        <translation>Gruppe löschen…</translation>
    </message>
    <message>
        <source>Lag (messages)</source>
        <translation>Lag (Nachrichten)</translation>
    </message>
    <message>
        <source>Loading consumer groups…</source>
        <translation>Consumer-Gruppen werden geladen…</translation>
    </message>
    <message>
        <source>No consumer groups on this cluster yet. Groups appear here as soon as a consumer with a group id connects.</source>
        <translation>Auf diesem Cluster gibt es noch keine Consumer-Gruppen. Gruppen erscheinen hier, sobald sich ein Consumer mit Gruppen-ID verbindet.</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n Gruppe</numerusform>
            <numerusform>%n Gruppen</numerusform>
        </translation>
    </message>
    <message>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>This group no longer exists.</source>
        <translation>Diese Gruppe existiert nicht mehr.</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n member(s), total lag %2, protocol %3</source>
        <translation>
            <numerusform>%1, %n Mitglied, Gesamt-Lag %2, Protokoll %3</numerusform>
            <numerusform>%1, %n Mitglieder, Gesamt-Lag %2, Protokoll %3</numerusform>
        </translation>
    </message>
    <message>
        <source>state unknown</source>
        <translation>Status unbekannt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The group %1 is not known to the cluster.</source>
        <translation>Die Gruppe %1 ist dem Cluster nicht bekannt.</translation>
    </message>
    <message numerus="yes">
        <source>The group %1 has %n active member(s). Stop its consumers first: Kafka only deletes groups without members.</source>
        <translation>
            <numerusform>Die Gruppe %1 hat %n aktives Mitglied. Beenden Sie zuerst ihre Consumer: Kafka löscht nur Gruppen ohne Mitglieder.</numerusform>
            <numerusform>Die Gruppe %1 hat %n aktive Mitglieder. Beenden Sie zuerst ihre Consumer: Kafka löscht nur Gruppen ohne Mitglieder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot delete the group</source>
        <translation>Gruppe kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Delete group %1</source>
        <translation>Gruppe %1 löschen</translation>
    </message>
    <message>
        <source>Delete the consumer group %1 and its committed offsets? Consumers that join it later start from their auto.offset.reset position.</source>
        <translation>Die Consumer-Gruppe %1 und ihre committeten Offsets löschen? Consumer, die ihr später beitreten, beginnen an ihrer auto.offset.reset-Position.</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>Gruppe löschen</translation>
    </message>
    <message>
        <source>Could not delete the group</source>
        <translation>Die Gruppe konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Group %1 deleted.</source>
        <translation>Gruppe %1 gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>No group matches the filter (%n group(s) in all).</source>
        <translation>
            <numerusform>Keine Gruppe passt zum Filter (%n Gruppe insgesamt).</numerusform>
            <numerusform>Keine Gruppe passt zum Filter (%n Gruppen insgesamt).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n group(s)</source>
        <translation>
            <numerusform>%1 von %n Gruppe</numerusform>
            <numerusform>%1 von %n Gruppen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kastle::ui::JumpPalette</name>
    <message>
        <source>Jump to a cluster, topic or group…</source>
        <translation>Zu Cluster, Topic oder Gruppe springen…</translation>
    </message>
    <message>
        <source>Cluster: %1</source>
        <translation>Cluster: %1</translation>
    </message>
    <message>
        <source>Topic: %1 — %2</source>
        <translation>Topic: %1 — %2</translation>
    </message>
    <message>
        <source>Group: %1 — %2</source>
        <translation>Gruppe: %1 — %2</translation>
    </message>
</context>
<context>
    <name>kastle::ui::LogDock</name>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Debug und höher</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Protokoll durchsuchen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
</context>
<context>
    <name>kastle::ui::MainWindow</name>
    <message>
        <source>Kastle</source>
        <translation>Kastle</translation>
    </message>
    <message>
        <source>Keychain unavailable: secrets are kept for this run only</source>
        <translation>Schlüsselbund nicht verfügbar: Geheimnisse gelten nur für diesen Lauf</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Add a connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>Edit the connection</source>
        <translation>Verbindung bearbeiten</translation>
    </message>
    <message>
        <source>Duplicate the connection</source>
        <translation>Verbindung duplizieren</translation>
    </message>
    <message>
        <source>Delete the connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Add connection…</source>
        <translation>Verbindung &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>Import Java &amp;client.properties…</source>
        <translation>Java-&amp;client.properties importieren …</translation>
    </message>
    <message>
        <source>Import &amp;librdkafka properties…</source>
        <translation>&amp;librdkafka-Eigenschaften importieren …</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
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
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>&amp;Sandbox</source>
        <translation>&amp;Sandbox</translation>
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
        <source>&amp;Restart</source>
        <translation>Neu sta&amp;rten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Log panel</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <source>&amp;Welcome page</source>
        <translation>&amp;Willkommensseite</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Kastle</source>
        <translation>&amp;Über Kastle</translation>
    </message>
    <message>
        <source>Java client properties (*.properties *.conf);;All files (*)</source>
        <translation>Java-Client-Eigenschaften (*.properties *.conf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>librdkafka properties (*.properties *.conf *.config);;All files (*)</source>
        <translation>librdkafka-Eigenschaften (*.properties *.conf *.config);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import connection</source>
        <translation>Verbindung importieren</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Review imported connection</source>
        <translation>Importierte Verbindung prüfen</translation>
    </message>
    <message>
        <source>Imported with notes:
%1</source>
        <translation>Importiert mit Hinweisen:
%1</translation>
    </message>
    <message>
        <source>Could not save the connection</source>
        <translation>Die Verbindung konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Secret not stored in the keychain</source>
        <translation>Geheimnis nicht im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>Could not duplicate the connection</source>
        <translation>Die Verbindung konnte nicht dupliziert werden</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Delete the connection &quot;%1&quot; (%2)? Its stored secrets are removed from the keychain too. The cluster itself is not touched.</source>
        <translation>Die Verbindung „%1“ (%2) löschen? Ihre gespeicherten Geheimnisse werden auch aus dem Schlüsselbund entfernt. Der Cluster selbst bleibt unberührt.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Could not delete the connection</source>
        <translation>Die Verbindung konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Could not reorder the connections</source>
        <translation>Die Verbindungen konnten nicht umsortiert werden</translation>
    </message>
    <message>
        <source>No secret is stored for this connection.</source>
        <translation>Für diese Verbindung ist kein Geheimnis gespeichert.</translation>
    </message>
    <message>
        <source>Connection database</source>
        <translation>Verbindungsdatenbank</translation>
    </message>
    <message>
        <source>Load or stop &amp;sample data</source>
        <translation>&amp;Beispieldaten laden oder stoppen</translation>
    </message>
    <message>
        <source>Reset sandbox &amp;data…</source>
        <translation>Sandbox-&amp;Daten zurücksetzen…</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <source>&amp;Brokers</source>
        <translation>&amp;Broker</translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation>&amp;Topics</translation>
    </message>
    <message>
        <source>Consumer &amp;groups</source>
        <translation>Consumer-&amp;Gruppen</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Nachrichten</translation>
    </message>
    <message>
        <source>&amp;Jump to…</source>
        <translation>&amp;Springen zu…</translation>
    </message>
    <message>
        <source>&amp;Filter the table</source>
        <translation>Tabelle &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
</context>
<context>
    <name>kastle::ui::MessageDetailView</name>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>array</source>
        <translation>Array</translation>
    </message>
    <message>
        <source>string</source>
        <translation>String</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>Boolean</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message numerus="yes">
        <source>{%n member(s)}</source>
        <translation>
            <numerusform>{%n Member}</numerusform>
            <numerusform>{%n Member}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n Element]</numerusform>
            <numerusform>[%n Elemente]</numerusform>
        </translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>UTF-8 text</source>
        <translation>UTF-8-Text</translation>
    </message>
    <message>
        <source>JSON tree</source>
        <translation>JSON-Baum</translation>
    </message>
    <message>
        <source>JSON text</source>
        <translation>JSON-Text</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <source>How to show the bytes</source>
        <translation>Darstellung der Bytes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Select a message to see its key, value and headers.</source>
        <translation>Wählen Sie eine Nachricht, um Key, Value und Header zu sehen.</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Value kopieren</translation>
    </message>
    <message>
        <source>Copy kcat command</source>
        <translation>kcat-Befehl kopieren</translation>
    </message>
    <message>
        <source>A kcat command line that prints exactly this message</source>
        <translation>Eine kcat-Befehlszeile, die genau diese Nachricht ausgibt</translation>
    </message>
    <message>
        <source>Save payload…</source>
        <translation>Payload speichern…</translation>
    </message>
    <message numerus="yes">
        <source>Partition %1 · offset %2 · %3 · %4 · %n header(s)</source>
        <translation>
            <numerusform>Partition %1 · Offset %2 · %3 · %4 · %n Header</numerusform>
            <numerusform>Partition %1 · Offset %2 · %3 · %4 · %n Header</numerusform>
        </translation>
    </message>
    <message>
        <source>Headers (%1)</source>
        <translation>Header (%1)</translation>
    </message>
    <message>
        <source>No message selected.</source>
        <translation>Keine Nachricht ausgewählt.</translation>
    </message>
    <message>
        <source>… (large document: the rest is in JSON text)</source>
        <translation>… (großes Dokument: der Rest steht im JSON-Text)</translation>
    </message>
    <message>
        <source>(null)</source>
        <translation>(null)</translation>
    </message>
    <message>
        <source>These bytes are not a JSON object or array.</source>
        <translation>Diese Bytes sind kein JSON-Objekt oder -Array.</translation>
    </message>
    <message>
        <source>Save payload</source>
        <translation>Payload speichern</translation>
    </message>
    <message>
        <source>Payload not saved</source>
        <translation>Payload nicht gespeichert</translation>
    </message>
    <message>
        <source>Could not write %1: %2. Choose another folder or free some space, then try again.</source>
        <translation>%1 konnte nicht geschrieben werden: %2. Wählen Sie einen anderen Ordner oder schaffen Sie Platz und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>kastle::ui::MessagesPage</name>
    <message>
        <source>Imported %1 of %2</source>
        <translation>%1 von %2 importiert</translation>
    </message>
    <message>
        <source>Import stopped.</source>
        <translation>Import gestoppt.</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>Import abgeschlossen.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>This cluster has no bootstrap address yet (a sandbox must be started first).</source>
        <translation>Dieser Cluster hat noch keine Bootstrap-Adresse (zuerst muss eine Sandbox gestartet werden).</translation>
    </message>
    <message>
        <source>Reading needs the cluster&apos;s secret.</source>
        <translation>Zum Lesen wird das Geheimnis des Clusters benötigt.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Scanned %1 of %2, matched %3</source>
        <translation>%1 von %2 durchsucht, %3 Treffer</translation>
    </message>
    <message>
        <source>Scanned %1, matched %2</source>
        <translation>%1 durchsucht, %2 Treffer</translation>
    </message>
    <message>
        <source>following live</source>
        <translation>live mitverfolgen</translation>
    </message>
    <message>
        <source>Reached the end: none of the %1 messages scanned matched.</source>
        <translation>Ende erreicht: Keine der %1 durchsuchten Nachrichten passt.</translation>
    </message>
    <message>
        <source>Reached the end: there are no messages in this range.</source>
        <translation>Ende erreicht: In diesem Bereich gibt es keine Nachrichten.</translation>
    </message>
    <message>
        <source>Reached the end of the range.</source>
        <translation>Ende des Bereichs erreicht.</translation>
    </message>
    <message>
        <source>Stopped after %1 messages, as asked.</source>
        <translation>Wie gewünscht nach %1 Nachrichten gestoppt.</translation>
    </message>
    <message>
        <source>Stopped by you; the range was not read to its end.</source>
        <translation>Von Ihnen gestoppt; der Bereich wurde nicht bis zum Ende gelesen.</translation>
    </message>
    <message>
        <source>Export selected messages</source>
        <translation>Ausgewählte Nachrichten exportieren</translation>
    </message>
    <message>
        <source>Export range</source>
        <translation>Bereich exportieren</translation>
    </message>
    <message>
        <source>JSON lines, kcat -J compatible (*.jsonl *.json);;CSV (*.csv)</source>
        <translation>JSON Lines, kcat -J-kompatibel (*.jsonl *.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>An export needs an end; choose where to stop.</source>
        <translation>Ein Export braucht ein Ende; wählen Sie, wo er aufhören soll.</translation>
    </message>
    <message>
        <source>Select the messages to export first.</source>
        <translation>Wählen Sie zuerst die zu exportierenden Nachrichten.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1.</source>
        <translation>
            <numerusform>%n Nachricht nach %1 exportiert.</numerusform>
            <numerusform>%n Nachrichten nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Import messages</source>
        <translation>Nachrichten importieren</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.json);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Produce every message of %1 to the topic %2? Keys, values and headers are always kept.</source>
        <translation>Jede Nachricht aus %1 in das Topic %2 schreiben? Keys, Values und Header bleiben immer erhalten.</translation>
    </message>
    <message>
        <source>Keep the original timestamps</source>
        <translation>Ursprüngliche Zeitstempel beibehalten</translation>
    </message>
    <message>
        <source>Keep the original partitions</source>
        <translation>Ursprüngliche Partitionen beibehalten</translation>
    </message>
    <message>
        <source>Choose the topic to import into.</source>
        <translation>Wählen Sie das Topic für den Import.</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Partitions to read, e.g. 0,2,5-7; empty for all</source>
        <translation>Zu lesende Partitionen, z. B. 0,2,5-7; leer für alle</translation>
    </message>
    <message>
        <source>Earliest</source>
        <translation>Früheste</translation>
    </message>
    <message>
        <source>Latest minus</source>
        <translation>Neueste minus</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Group&apos;s position</source>
        <translation>Position der Gruppe</translation>
    </message>
    <message>
        <source> per partition</source>
        <translation> pro Partition</translation>
    </message>
    <message>
        <source>offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>consumer group id</source>
        <translation>Consumer-Gruppen-ID</translation>
    </message>
    <message>
        <source>At the current end</source>
        <translation>Am aktuellen Ende</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>At time</source>
        <translation>Zum Zeitpunkt</translation>
    </message>
    <message>
        <source>Never (follow live)</source>
        <translation>Nie (live mitverfolgen)</translation>
    </message>
    <message>
        <source> messages</source>
        <translation> Nachrichten</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <source>No filter</source>
        <translation>Kein Filter</translation>
    </message>
    <message>
        <source>Contains</source>
        <translation>Enthält</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>JSON path</source>
        <translation>JSON-Pfad</translation>
    </message>
    <message>
        <source>in value</source>
        <translation>im Value</translation>
    </message>
    <message>
        <source>in key</source>
        <translation>im Key</translation>
    </message>
    <message>
        <source>in headers</source>
        <translation>in Headern</translation>
    </message>
    <message>
        <source>anywhere</source>
        <translation>überall</translation>
    </message>
    <message>
        <source>text, pattern, or $.user.id == 42</source>
        <translation>Text, Muster oder $.user.id == 42</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Produce…</source>
        <translation>Produzieren…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Selected messages…</source>
        <translation>Ausgewählte Nachrichten…</translation>
    </message>
    <message>
        <source>Whole range (re-read)…</source>
        <translation>Ganzen Bereich (neu lesen)…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>Partitionen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Ab</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Choose a topic to read.</source>
        <translation>Wählen Sie ein Topic zum Lesen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a partition list; write e.g. 0,2,5-7.</source>
        <translation>„%1“ ist keine Partitionsliste; schreiben Sie z. B. 0,2,5-7.</translation>
    </message>
    <message>
        <source>Enter the offset to start at.</source>
        <translation>Geben Sie den Start-Offset ein.</translation>
    </message>
    <message>
        <source>Enter the consumer group whose position to start at.</source>
        <translation>Geben Sie die Consumer-Gruppe ein, an deren Position begonnen werden soll.</translation>
    </message>
</context>
<context>
    <name>kastle::ui::OverviewPage</name>
    <message>
        <source>Brokers</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>Partitionen</translation>
    </message>
    <message>
        <source>Under-replicated</source>
        <translation>Unterrepliziert</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>Consumer-Gruppen</translation>
    </message>
    <message>
        <source>Total lag</source>
        <translation>Gesamt-Lag</translation>
    </message>
    <message>
        <source>Messages/s in</source>
        <translation>Nachrichten/s ein</translation>
    </message>
    <message>
        <source>msg/s</source>
        <translation>Nachr./s</translation>
    </message>
    <message>
        <source>Bytes/s (where known)</source>
        <translation>Bytes/s (soweit bekannt)</translation>
    </message>
    <message>
        <source>B/s</source>
        <translation>B/s</translation>
    </message>
    <message>
        <source>Total consumer lag</source>
        <translation>Gesamter Consumer-Lag</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Under-replicated partitions</source>
        <translation>Unterreplizierte Partitionen</translation>
    </message>
    <message>
        <source>Events (leader moves, ISR changes, brokers lost and back)</source>
        <translation>Ereignisse (Leader-Wechsel, ISR-Änderungen, verlorene und zurückgekehrte Broker)</translation>
    </message>
</context>
<context>
    <name>kastle::ui::ProduceDialog</name>
    <message>
        <source>Produce messages</source>
        <translation>Nachrichten produzieren</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>Als Vorlage speichern…</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Vorlage löschen</translation>
    </message>
    <message>
        <source>Automatic (partitioner)</source>
        <translation>Automatisch (Partitioner)</translation>
    </message>
    <message>
        <source>e.g. order-{{seq}}</source>
        <translation>z. B. order-{{seq}}</translation>
    </message>
    <message>
        <source>No key (null)</source>
        <translation>Kein Key (null)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Null (tombstone)</source>
        <translation>Null (Tombstone)</translation>
    </message>
    <message>
        <source>{&quot;id&quot;: &quot;{{uuid}}&quot;, &quot;at&quot;: &quot;{{now}}&quot;, &quot;n&quot;: {{seq}}}</source>
        <translation>{&quot;id&quot;: &quot;{{uuid}}&quot;, &quot;at&quot;: &quot;{{now}}&quot;, &quot;n&quot;: {{seq}}}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add header</source>
        <translation>Header hinzufügen</translation>
    </message>
    <message>
        <source>Remove header</source>
        <translation>Header entfernen</translation>
    </message>
    <message>
        <source>All in-sync replicas (all)</source>
        <translation>Alle In-Sync-Replikate (all)</translation>
    </message>
    <message>
        <source>Leader only (1)</source>
        <translation>Nur Leader (1)</translation>
    </message>
    <message>
        <source>None (0)</source>
        <translation>Keine (0)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Acks:</source>
        <translation>Acks:</translation>
    </message>
    <message>
        <source>times, every</source>
        <translation>Mal, alle</translation>
    </message>
    <message>
        <source>Placeholders: {{uuid}} {{now}} {{now.ms}} {{seq}} {{random.int(1,100)}} — expanded for every message.</source>
        <translation>Platzhalter: {{uuid}} {{now}} {{now.ms}} {{seq}} {{random.int(1,100)}} — werden für jede Nachricht neu eingesetzt.</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Topic:</translation>
    </message>
    <message>
        <source>Partition:</source>
        <translation>Partition:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Key:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Value:</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <source>Compression:</source>
        <translation>Kompression:</translation>
    </message>
    <message>
        <source>Send:</source>
        <translation>Senden:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Sent %1 of %2…</source>
        <translation>%1 von %2 gesendet…</translation>
    </message>
    <message>
        <source>The value is empty; choose Text to send an empty value.</source>
        <translation>Der Value ist leer; wählen Sie Text, um einen leeren Value zu senden.</translation>
    </message>
    <message>
        <source>Not valid JSON at line %1, column %2: %3.</source>
        <translation>Kein gültiges JSON in Zeile %1, Spalte %2: %3.</translation>
    </message>
    <message>
        <source>Unknown placeholder(s) sent as written: %1</source>
        <translation>Unbekannte Platzhalter wörtlich gesendet: %1</translation>
    </message>
    <message>
        <source>Valid JSON.</source>
        <translation>Gültiges JSON.</translation>
    </message>
    <message>
        <source>Choose a topic first.</source>
        <translation>Wählen Sie zuerst ein Topic.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were delivered before that.</source>
        <translation>
            <numerusform>Davor wurde %n Nachricht zugestellt.</numerusform>
            <numerusform>Davor wurden %n Nachrichten zugestellt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n message(s).</source>
        <translation>
            <numerusform>Nach %n Nachricht gestoppt.</numerusform>
            <numerusform>Nach %n Nachrichten gestoppt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n message(s); the last went to partition %1 at offset %2.</source>
        <translation>
            <numerusform>%n Nachricht gesendet; sie ging an Partition %1, Offset %2.</numerusform>
            <numerusform>%n Nachrichten gesendet; die letzte ging an Partition %1, Offset %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>(no template)</source>
        <translation>(keine Vorlage)</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>Vorlage speichern</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>Vorlagenname:</translation>
    </message>
    <message>
        <source>Template not saved</source>
        <translation>Vorlage nicht gespeichert</translation>
    </message>
    <message>
        <source>Template not deleted</source>
        <translation>Vorlage nicht gelöscht</translation>
    </message>
</context>
<context>
    <name>kastle::ui::SandboxPanel</name>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Clients on this computer can use bootstrap servers %1.</source>
        <translation>Clients auf diesem Rechner können die Bootstrap-Server %1 verwenden.</translation>
    </message>
    <message>
        <source>The sandbox runs kastle-broker on 127.0.0.1 with its data in Kastle&apos;s data folder.</source>
        <translation>Die Sandbox führt kastle-broker auf 127.0.0.1 aus, mit den Daten im Datenordner von Kastle.</translation>
    </message>
    <message>
        <source>Sandbox broker program: %1. Its messages are in the log panel.</source>
        <translation>Programm des Sandbox-Brokers: %1. Seine Meldungen stehen im Protokoll.</translation>
    </message>
    <message>
        <source>Reset data…</source>
        <translation>Daten zurücksetzen…</translation>
    </message>
    <message>
        <source>Delete every topic, message and group of the sandbox</source>
        <translation>Alle Topics, Nachrichten und Gruppen der Sandbox löschen</translation>
    </message>
    <message>
        <source>Load sample data</source>
        <translation>Beispieldaten laden</translation>
    </message>
    <message>
        <source>Create topics such as orders, payments and page-views, produce realistic JSON to them, and run two consumer groups, one of which falls behind</source>
        <translation>Topics wie orders, payments und page-views anlegen, realistisches JSON hineinschreiben und zwei Consumer-Gruppen laufen lassen, von denen eine zurückfällt</translation>
    </message>
    <message>
        <source> msg/s</source>
        <translation> Nachr./s</translation>
    </message>
    <message>
        <source>Keep running when Kastle quits</source>
        <translation>Weiterlaufen, wenn Kastle beendet wird</translation>
    </message>
    <message>
        <source>The sandbox broker stopped unexpectedly. Restart it to continue; its data is kept. Its last messages are in the log panel.</source>
        <translation>Der Sandbox-Broker wurde unerwartet beendet. Starten Sie ihn neu, um fortzufahren; seine Daten bleiben erhalten. Seine letzten Meldungen stehen im Log-Bereich.</translation>
    </message>
    <message>
        <source>Clients on this computer can use bootstrap servers %1. Restart the sandbox so that it can keep running after Kastle quits.</source>
        <translation>Clients auf diesem Computer können die Bootstrap-Server %1 verwenden. Starten Sie die Sandbox neu, damit sie nach dem Beenden von Kastle weiterlaufen kann.</translation>
    </message>
    <message>
        <source>The sandbox data was removed. Start the sandbox for a fresh, empty cluster.</source>
        <translation>Die Sandbox-Daten wurden entfernt. Starten Sie die Sandbox für einen frischen, leeren Cluster.</translation>
    </message>
    <message>
        <source>Stop sample data</source>
        <translation>Beispieldaten stoppen</translation>
    </message>
    <message>
        <source>%1 produced, %2 consumed</source>
        <translation>%1 produziert, %2 konsumiert</translation>
    </message>
    <message>
        <source>Reset sandbox data</source>
        <translation>Sandbox-Daten zurücksetzen</translation>
    </message>
    <message>
        <source>Delete every topic, message and consumer group of the sandbox? The sandbox is stopped first. This cannot be undone.</source>
        <translation>Alle Topics, Nachrichten und Consumer-Gruppen der Sandbox löschen? Die Sandbox wird vorher gestoppt. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Reset data</source>
        <translation>Daten zurücksetzen</translation>
    </message>
</context>
<context>
    <name>kastle::ui::SecretPrompt</name>
    <message>
        <source>Secret for %1</source>
        <translation>Geheimnis für %1</translation>
    </message>
    <message>
        <source>%1

Kastle asks once per run and keeps the answer in memory only; it is never written to disk.</source>
        <translation>%1

Kastle fragt einmal pro Lauf und behält die Antwort nur im Speicher; sie wird nie auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Passwort für %1:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Key password (if the key is encrypted):</source>
        <translation>Schlüssel-Passwort (falls der Schlüssel verschlüsselt ist):</translation>
    </message>
</context>
<context>
    <name>kastle::ui::SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language applies the next time Kastle starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Kastle.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisierung</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Cluster &amp;metadata every:</source>
        <translation>Cluster-&amp;Metadaten alle:</translation>
    </message>
    <message>
        <source>&amp;Offsets and lag every:</source>
        <translation>&amp;Offsets und Rückstand alle:</translation>
    </message>
</context>
<context>
    <name>kastle::ui::TimeSeriesChart</name>
    <message>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop moving the chart (new points are still recorded)</source>
        <translation>Diagramm anhalten (neue Punkte werden weiter aufgezeichnet)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>Als CSV speichern…</translation>
    </message>
    <message>
        <source>Save chart data</source>
        <translation>Diagrammdaten speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>No history yet</source>
        <translation>Noch kein Verlauf</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
</context>
<context>
    <name>kastle::ui::TopicDetail</name>
    <message>
        <source>← All topics</source>
        <translation>← Alle Topics</translation>
    </message>
    <message>
        <source>Configs…</source>
        <translation>Konfiguration…</translation>
    </message>
    <message>
        <source>Add partitions…</source>
        <translation>Partitionen hinzufügen…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Messages per second</source>
        <translation>Nachrichten pro Sekunde</translation>
    </message>
    <message>
        <source>Consumer groups reading this topic</source>
        <translation>Consumer-Gruppen, die dieses Topic lesen</translation>
    </message>
    <message>
        <source>%1 (all partitions)</source>
        <translation>%1 (alle Partitionen)</translation>
    </message>
    <message>
        <source>msg/s</source>
        <translation>Nachr./s</translation>
    </message>
    <message>
        <source>partition %1</source>
        <translation>Partition %1</translation>
    </message>
    <message>
        <source>This topic no longer exists.</source>
        <translation>Dieses Topic existiert nicht mehr.</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s), replication factor %1, %2 messages, %3, %4 msg/s</source>
        <translation>
            <numerusform>%n Partition, Replikationsfaktor %1, %2 Nachrichten, %3, %4 Nachr./s</numerusform>
            <numerusform>%n Partitionen, Replikationsfaktor %1, %2 Nachrichten, %3, %4 Nachr./s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kastle::ui::TopicsPage</name>
    <message>
        <source>Filter topics (Ctrl+F)</source>
        <translation>Topics filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Show internal topics</source>
        <translation>Interne Topics anzeigen</translation>
    </message>
    <message>
        <source>Create topic…</source>
        <translation>Topic anlegen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Delete topic…</source>
        <translation>Topic löschen…</translation>
    </message>
    <message>
        <source>Add partitions…</source>
        <translation>Partitionen hinzufügen…</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Edit configs…</source>
        <translation>Konfiguration bearbeiten…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>No topics yet. Create one with Ctrl+Shift+N.</source>
        <translation>Noch keine Topics. Legen Sie eines mit Strg+Umschalt+N an.</translation>
    </message>
    <message numerus="yes">
        <source>No topic matches the filter (%n topic(s) in all).</source>
        <translation>
            <numerusform>Kein Topic passt zum Filter (%n Topic insgesamt).</numerusform>
            <numerusform>Kein Topic passt zum Filter (%n Topics insgesamt).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n Topic</numerusform>
            <numerusform>%n Topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n topic(s)</source>
        <translation>
            <numerusform>%1 von %n Topic</numerusform>
            <numerusform>%1 von %n Topics</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not create the topic</source>
        <translation>Das Topic konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Topic %1 created.</source>
        <translation>Topic %1 angelegt.</translation>
    </message>
    <message>
        <source>Could not delete the topic</source>
        <translation>Das Topic konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Topic %1 deleted.</source>
        <translation>Topic %1 gelöscht.</translation>
    </message>
    <message>
        <source>Could not add partitions</source>
        <translation>Partitionen konnten nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>%1 now has %2 partitions.</source>
        <translation>%1 hat jetzt %2 Partitionen.</translation>
    </message>
    <message>
        <source>Reading the configs of %1…</source>
        <translation>Konfiguration von %1 wird gelesen…</translation>
    </message>
    <message>
        <source>Could not read the configs</source>
        <translation>Die Konfiguration konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
    <message>
        <source>Configs of %1 changed.</source>
        <translation>Konfiguration von %1 geändert.</translation>
    </message>
</context>
<context>
    <name>kastle::ui::WelcomePage</name>
    <message>
        <source>Welcome to Kastle</source>
        <translation>Willkommen bei Kastle</translation>
    </message>
    <message>
        <source>Pick a cluster on the left, start the local sandbox — a Kafka cluster on this computer, no Docker or Java needed — or add a connection to an existing cluster.</source>
        <translation>Wählen Sie links einen Cluster, starten Sie die lokale Sandbox – einen Kafka-Cluster auf diesem Rechner, ganz ohne Docker oder Java – oder fügen Sie eine Verbindung zu einem bestehenden Cluster hinzu.</translation>
    </message>
    <message>
        <source>Start the local sandbox</source>
        <translation>Lokale Sandbox starten</translation>
    </message>
    <message>
        <source>Add a connection…</source>
        <translation>Verbindung hinzufügen …</translation>
    </message>
    <message>
        <source>Import a properties file…</source>
        <translation>Eigenschaftsdatei importieren …</translation>
    </message>
</context>
</TS>
