<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
    <name>kastle::core::RdKafkaConfigBuilder</name>
    <message>
        <source>librdkafka rejected the property %1: %2</source>
        <translation>librdkafka hat die Eigenschaft %1 abgelehnt: %2</translation>
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
    <name>kastle::ui::ClusterListDelegate</name>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
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
        <source>The brokers of this cluster with their hosts, racks and log directories will be listed here. Not available yet.</source>
        <translation>Hier werden die Broker dieses Clusters mit Hosts, Racks und Log-Verzeichnissen aufgeführt. Noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Topics, partitions, leaders, replicas and ISR will be shown here. Not available yet.</source>
        <translation>Hier werden Topics, Partitionen, Leader, Replikate und ISR angezeigt. Noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>Consumer-Gruppen</translation>
    </message>
    <message>
        <source>Consumer groups, their members and lag will be shown here. Not available yet.</source>
        <translation>Hier werden Consumer-Gruppen, ihre Mitglieder und ihr Rückstand angezeigt. Noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Browsing and producing messages will be possible here. Not available yet.</source>
        <translation>Hier können Nachrichten durchsucht und erzeugt werden. Noch nicht verfügbar.</translation>
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
        <source>Cluster health, throughput and lag charts will be shown here. Not available yet; for now Kastle checks that the cluster answers and reports its id and broker count.</source>
        <translation>Hier werden Zustand, Durchsatz und Rückstand des Clusters als Diagramme angezeigt. Noch nicht verfügbar; bisher prüft Kastle, ob der Cluster antwortet, und zeigt seine ID und die Zahl der Broker.</translation>
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
