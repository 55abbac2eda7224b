<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>kastle::core::ConnectionListModel</name>
    <message>
        <source>Local sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bootstrap servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::core::ConnectionStore</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the connection profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the connection &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reorder the connections: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reorder the connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the setting %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::core::ConnectionTester</name>
    <message>
        <source>Could not reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed (%2). Check the CA file, the client certificate and host name verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster rejected the credentials (%1). Check the user name, the password or token and the SASL mechanism.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from %1 within %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>librdkafka could not start a client: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected to cluster %1 with %n broker(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(no cluster id)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::core::Database</name>
    <message>
        <source>Could not open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not rename %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 cannot be read (%2) and could not be moved aside: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 could not be read (%2). It was moved to %3 and a new, empty one was created; your old connections are in the moved file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the schema version of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 was written by a newer Kastle (schema version %2; this one knows up to %3). It was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start a migration of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not migrate %1 from schema version %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not finish the migration of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::core::LogModel</name>
    <message>
        <source>Debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::core::ProfileImport</name>
    <message>
        <source>malformed \u escape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line has a value but no key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected key=value, found &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is set again (first on line %2); the last value counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown security.protocol &quot;%1&quot;; expected PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported SASL mechanism &quot;%1&quot;; Kastle supports PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, GSSAPI and OAUTHBEARER.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown endpoint identification algorithm &quot;%1&quot;; expected https or an empty value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Java key stores are not supported. Export the client certificate and key as PEM files (for example: openssl pkcs12 -in keystore.p12 -nokeys -out client.pem and -nocerts -out client.key) and use ssl.certificate.location and ssl.key.location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not needed with PEM files and was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a Java client setting that Kastle does not use; it was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file sets no bootstrap.servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ssl.truststore.location &quot;%1&quot; is not a PEM file. JKS and PKCS12 trust stores are not supported; convert it with: keytool -exportcert -rfc -keystore %1 -alias &lt;alias&gt; -file ca.pem (or openssl pkcs12 -in %1 -nokeys -out ca.pem) and point ssl.truststore.location or ssl.ca.location at ca.pem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sasl.jaas.config could not be read; expected: LoginModule required username=&quot;...&quot; password=&quot;...&quot;;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not fit sasl.mechanism %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sasl.jaas.config has no username or no password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuthBearerLoginModule options were ignored; enter the static token in the connection dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported login module %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported because the file has problems:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::core::ProfileRules</name>
    <message>
        <source>Enter at least one bootstrap server as host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server list has an empty entry; separate servers with single commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not of the form host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port in &quot;%1&quot; must be between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAUTHBEARER needs a token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; is not a readable file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client certificate needs both the certificate file and its key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host name verification is off: Kastle will accept any certificate signed by the CA, even one for another server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid librdkafka property name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::core::RdKafkaConfigBuilder</name>
    <message>
        <source>librdkafka rejected the property %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::core::SandboxController</name>
    <message>
        <source>The sandbox is stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox is starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox is running at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox is stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the sandbox data directory %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox broker did not report ready within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start the sandbox broker %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sandbox broker was killed or crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sandbox broker exited with code %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::core::SecretStore</name>
    <message>
        <source>The system keychain could not store the secret (%1). It is kept in memory until Kastle quits and will be asked for again next time; it was not written to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain could not be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::core::Workspace</name>
    <message>
        <source>%1 Kastle is using a temporary database for this session; changes will not be kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no connection to duplicate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::ui::AboutDialog</name>
    <message>
        <source>About Kastle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kastle %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desktop console for Apache Kafka, with its own Kafka-compatible broker for a local sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kastle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>librdkafka:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::ui::ClusterListDelegate</name>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::ui::ClusterView</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brokers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The brokers of this cluster with their hosts, racks and log directories will be listed here. Not available yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics, partitions, leaders, replicas and ISR will be shown here. Not available yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer groups, their members and lag will be shown here. Not available yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browsing and producing messages will be possible here. Not available yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster health, throughput and lag charts will be shown here. Not available yet; for now Kastle checks that the cluster answers and reports its id and broker count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the sandbox first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::ui::ConnectionDialog</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Payments production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host:port, host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bootstrap servers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Security protocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SASL authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mechanism:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>static bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only for an encrypted key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify the server&apos;s host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra librdkafka properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one key=value per line, e.g. client.id=kastle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — changes here affect live systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kerberos &amp;principal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Principal name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. kafka-client@EXAMPLE.COM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 is not of the form key=value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Secrets you enter here are kept in memory until Kastle quits and are never written to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::ui::LogDock</name>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::ui::MainWindow</name>
    <message>
        <source>Kastle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain unavailable: secrets are kept for this run only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Java &amp;client.properties…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;librdkafka properties…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
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
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Welcome page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Kastle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Java client properties (*.properties *.conf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>librdkafka properties (*.properties *.conf *.config);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review imported connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported with notes:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret not stored in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not duplicate the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the connection &quot;%1&quot; (%2)? Its stored secrets are removed from the keychain too. The cluster itself is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reorder the connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret is stored for this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::ui::SandboxPanel</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox broker is %1. Its messages are in the log panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients on this computer can use bootstrap servers %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox runs kastle-broker on 127.0.0.1 with its data in Kastle&apos;s data folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::ui::SecretPrompt</name>
    <message>
        <source>Secret for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Kastle asks once per run and keeps the answer in memory only; it is never written to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key password (if the key is encrypted):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::ui::SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies the next time Kastle starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster &amp;metadata every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Offsets and lag every:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kastle::ui::WelcomePage</name>
    <message>
        <source>Welcome to Kastle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is connected yet. Start the local sandbox — a Kafka cluster on this computer, no Docker or Java needed — or add a connection to an existing cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the local sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a properties file…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
