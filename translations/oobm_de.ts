<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Oobm::Core</name>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="87"/>
        <source>The listen port must be a number from 1 to 65535; %1 is outside that range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="113"/>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="115"/>
        <source>Debug warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="117"/>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="119"/>
        <source>Debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="128"/>
        <source>Fully qualified domain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="130"/>
        <source>Host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="132"/>
        <source>SAM account name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Oobm::Core::Schema</name>
    <message>
        <location filename="../core/store/schema.cpp" line="23"/>
        <source>Upgrading the database to schema version %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/schema.cpp" line="84"/>
        <source>%1 is a SQLite database, but not an OOBM store: it has the tables %2 and no meta table. Choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/schema.cpp" line="104"/>
        <source>The database&apos;s schema version &apos;%1&apos; is not a number; the meta table has been changed by hand or by another program.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Oobm::Core::ServiceSettings</name>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="150"/>
        <source>TCP port the provisioning service listens on for hello packets (1-65535, default 9971)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="153"/>
        <source>Intel AMT requires authorization before provisioning (true/false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="155"/>
        <source>Allow Remote Configuration with a provisioning certificate (true/false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="157"/>
        <source>One time password required for Remote Configuration (true/false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="159"/>
        <source>First Common Name (CN) in certificate subject name (fqdn, host-name, sam-account-name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="162"/>
        <source>Log level (errors, debug-warning, information, debug)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="202"/>
        <source>The listen port must be a number from 1 to 65535; &apos;%1&apos; is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="205"/>
        <source>The listen port must be a number from 1 to 65535; %1 is outside that range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="219"/>
        <source>%1 takes true or false; &apos;%2&apos; is neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="228"/>
        <source>%1 takes one of %2; &apos;%3&apos; is not one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="236"/>
        <source>There is no setting &apos;%1&apos;. The settings are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="276"/>
        <source>Set service listening port to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="278"/>
        <source>Set provisioning authorization mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="279"/>
        <source>Cleared provisioning authorization mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="281"/>
        <source>Set service remote configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="282"/>
        <source>Cleared service remote configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="284"/>
        <source>Set one time password requirement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="285"/>
        <source>Cleared one time password requirement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="287"/>
        <source>Set certificate common name source to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings/servicesettings.cpp" line="290"/>
        <source>Set log level to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Oobm::Core::Severity</name>
    <message>
        <location filename="../core/log/logentry.cpp" line="12"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/log/logentry.cpp" line="14"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/log/logentry.cpp" line="16"/>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/log/logentry.cpp" line="18"/>
        <source>Debug</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Oobm::Core::SqlStoreWorker</name>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="102"/>
        <source>The Qt SQL driver %1 is not installed, so OOBM cannot open %2 databases. Install the Debian package %3 (sudo apt-get install %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="122"/>
        <source>The database file %1 cannot be read by this user. Give it read and write permission (chmod u+rw %1) or choose another database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="131"/>
        <source>The database file %1 is read-only. Make it writable for this user (chmod u+w %1); until then OOBM shows what it holds but cannot change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="138"/>
        <source>The folder %1 is read-only, so SQLite cannot keep its journal next to the database file. Make the folder writable for this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="147"/>
        <source>The folder %1 for the database does not exist and cannot be created. Create it, or choose another location with --database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="155"/>
        <source>The database file %1 does not exist and cannot be created: the folder %2 is read-only. Choose another location with --database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="228"/>
        <source>The schema version %1 is newer than this program (%2): a newer OOBM has written to this database. Update OOBM on this machine, or open another database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="239"/>
        <source>The database file %1 is read-only and uses schema version %2; this program needs version %3 and cannot upgrade a read-only file. Make it writable (chmod u+w %1) and start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="318"/>
        <source>The database is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="333"/>
        <source>The database file %1 is locked by another program and stayed locked for %2 s. Close the program holding it (another OOBM engine or console busy with a long task, or a backup tool), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="342"/>
        <source>The database file %1 is read-only. Make it writable for this user (chmod u+w %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="348"/>
        <source>SQLite cannot open the database file %1 (%2). Check that the path exists and that this user may read and write it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="354"/>
        <source>%1 is not a SQLite database (it may be another program&apos;s file, or damaged). Move it away or choose another database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="359"/>
        <source>The disk holding %1 is full. Free some space; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="364"/>
        <source>SQLite error on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="371"/>
        <source>PostgreSQL at %1 refused the connection. Check that the server runs and listens on that address and port (listen_addresses, port in postgresql.conf).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="377"/>
        <source>PostgreSQL at %1 did not answer within %2 s. Check the address and any firewall between this machine and the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="384"/>
        <source>The PostgreSQL host name &apos;%1&apos; cannot be resolved. Check the spelling, or use the server&apos;s IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="392"/>
        <source>PostgreSQL at %1 rejected the user &apos;%2&apos;: %3 Set PGPASSWORD to that user&apos;s password, or name another user in the URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="398"/>
        <source>PostgreSQL at %1 has no database &apos;%2&apos;. Create it (createdb -h %3 -p %4 %2) or name an existing one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="406"/>
        <source>PostgreSQL at %1 cannot be reached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/sqlstoreworker.cpp" line="408"/>
        <source>PostgreSQL error on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Oobm::Core::StoreLocation</name>
    <message>
        <location filename="../core/store/storelocation.cpp" line="60"/>
        <source>The database location is empty. Give a file path or postgresql://user@host:port/dbname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/storelocation.cpp" line="69"/>
        <source>&apos;%1&apos; is not a valid PostgreSQL URL (%2). Write it as postgresql://user@host:port/dbname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/storelocation.cpp" line="79"/>
        <source>&apos;%1&apos; names no database. Write it as postgresql://user@host:port/dbname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/storelocation.cpp" line="87"/>
        <source>The PostgreSQL port in &apos;%1&apos; must be from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/storelocation.cpp" line="107"/>
        <source>&apos;%1&apos; names no database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/storelocation.cpp" line="112"/>
        <source>%1 is a folder, not a database file. Give a file name such as %1/oobm.db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/storelocation.cpp" line="129"/>
        <source>no database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/storelocation.cpp" line="131"/>
        <source>SQLite %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/storelocation.cpp" line="133"/>
        <source>PostgreSQL %1%2:%3/%4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Oobm::Gui</name>
    <message>
        <location filename="../ui/shell/pages.cpp" line="64"/>
        <source>Out of Band Management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="65"/>
        <source>Provision Intel AMT systems and manage them out of band.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="68"/>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="69"/>
        <source>Discovery, agents, and the provisioning service&apos;s settings, systems and logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="71"/>
        <source>Out of Band Discovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="72"/>
        <source>Find the computers that have Intel AMT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="73"/>
        <source>Out of Band Discovery finds the managed computers that have Intel AMT and reads their UUID and AMT data; in the reference it is a program the management agent runs on each computer. The UUIDs it collects map each Intel AMT system to its host&apos;s fully qualified domain name (FQDN), the most reliable way to name a system before it is provisioned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="80"/>
        <source>Out of Band Task Agent Rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="81"/>
        <source>Install the Out of Band Task Agent on managed computers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="82"/>
        <source>The Out of Band Task Agent runs on the host operating system of an Intel AMT system. Delayed Provisioning uses it to restart the hello packet sequence of a system whose hello window has expired, without a visit to the computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="87"/>
        <source>Out of Band Task Agent Uninstall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="88"/>
        <source>Remove the Out of Band Task Agent from managed computers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="89"/>
        <source>Removes the Out of Band Task Agent from the computers that no longer need it, for example once every Intel AMT system in a collection is provisioned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="93"/>
        <source>Provisioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="94"/>
        <source>The setup and configuration service: how Intel AMT systems find it, authenticate and get configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="100"/>
        <source>Configuration Service Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="101"/>
        <source>How the provisioning service listens, authenticates devices and configures them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="103"/>
        <source>Auxiliary Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="104"/>
        <source>Reusable parts of provision profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="105"/>
        <source>Auxiliary Profiles are the reusable parts of provision profiles: sets of Intel AMT user accounts (access control entries with their realms) and certificates that several provision profiles share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="109"/>
        <source>DNS Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="111"/>
        <source>Check that Intel AMT systems can find this server through DNS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="112"/>
        <source>Intel AMT systems in setup mode look up the name ProvisionServer in their DNS domain and send their hello packets there. The administrator must create that name (a CNAME to this server) in every DNS domain the clients use. This page explains what DNS must contain, and its Test button checks that ProvisionServer resolves to this server, says why not, and how to fix it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="119"/>
        <source>Maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="120"/>
        <source>Keep the service&apos;s database bounded and healthy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="121"/>
        <source>Maintenance sets how long each log is kept, purges old entries, and shows the database&apos;s size with tools to compact and analyze it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="123"/>
        <source>Provision Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="125"/>
        <source>How a system is configured when it is provisioned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="126"/>
        <source>A provision profile says how an Intel AMT system is configured when it is provisioned: the admin password, Intel AMT user accounts, TLS and its certificate, host and domain naming, and the enabled interfaces (Web UI, Serial-over-LAN, IDE redirection).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="131"/>
        <source>Security Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="132"/>
        <source>Generate, export and import PID/PPS security keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="133"/>
        <source>Security keys are the PID/PPS pairs of TLS-PSK provisioning. Generate them, export them to a USB key (setup.bin) for One-Touch provisioning or hand them to an OEM, import the keys an OEM provides, and see which system used which key. A system that presents a PID the service does not have fails with &quot;failed to find PID&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="138"/>
        <source>Service Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="139"/>
        <source>Where the service listens and how clients reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="140"/>
        <source>Service Location shows the addresses and port the provisioning service listens on, this server&apos;s name and addresses, and the provisioning server address written into exported setup.bin files. It can also send a test hello packet, as the RCT tool does in the reference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="145"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="146"/>
        <source>Who may use the setup and configuration service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="147"/>
        <source>Users lists the accounts that may use the setup and configuration service and what each may do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="152"/>
        <source>Delayed Provisioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="153"/>
        <source>Systems that stopped sending hello packets, or failed, and wait for another try.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="155"/>
        <source>Delayed Provision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="156"/>
        <source>Restart the hello sequence of waiting systems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="157"/>
        <source>A system in setup mode sends hello packets only for a limited window (24 hours the first time, 6 hours after that); then it enters mode 6, &quot;hello packet mode disabled&quot;. Delayed Provision lists those systems and the ones whose provisioning failed, and asks each system&apos;s Out of Band Task Agent to restart its hello sequence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="164"/>
        <location filename="../ui/shell/pages.cpp" line="167"/>
        <source>Intel® AMT Systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="165"/>
        <source>The Intel AMT systems the service has seen, and which profile each gets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="168"/>
        <source>Every Intel AMT system the service has seen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="169"/>
        <source>Every Intel AMT system the service has seen: UUID, FQDN, address, AMT version, provisioning state and profile. Authorize, re-provision, unprovision and power systems from here. A system that is believed to be in setup mode but is missing here is the reference&apos;s &quot;System Missing&quot; symptom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="174"/>
        <source>Profile Assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="175"/>
        <source>Which provision profile each system gets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="176"/>
        <source>Profile Assignments choose the provision profile of each system by UUID, FQDN pattern or IP range, with a default profile for the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="179"/>
        <source>Resource Synchronization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="180"/>
        <source>Match Intel AMT systems with known computers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="181"/>
        <source>Resource Synchronization matches Intel AMT systems with the computers your management system already knows, so that each system is named after its host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="185"/>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="186"/>
        <source>What the service did and why: the log, each provisioning step, and access to secrets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="189"/>
        <source>Actions Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="190"/>
        <source>Every provisioning step run against each system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="191"/>
        <source>Actions Status lists every step the service ran against each Intel AMT system while provisioning it, with the result, how long it took and the status code the device answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="196"/>
        <source>Security Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="197"/>
        <source>Who saw, exported, imported or deleted secrets, and when.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="198"/>
        <source>The Security Audit log records every time someone shows, exports, imports or deletes secrets such as security keys and passwords: who, from which host, when, and what.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="202"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="203"/>
        <source>Summaries of the fleet and its keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="204"/>
        <source>Reports summarize the fleet: systems by provisioning state, AMT version and profile, and security keys by state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="207"/>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="208"/>
        <source>Intel AMT operations on collections of systems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="209"/>
        <source>Tasks run Intel AMT operations on collections of systems: power on, power off and reset, boot options, and redirection sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="211"/>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="212"/>
        <source>Groups of Intel AMT systems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/pages.cpp" line="213"/>
        <source>Collections group Intel AMT systems, for example by provisioning state, AMT version or subnet, for tasks and reports.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::ConnectionErrorWidget</name>
    <message>
        <location filename="../ui/shell/connectionerrorwidget.cpp" line="35"/>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/connectionerrorwidget.cpp" line="37"/>
        <source>Try to open the database again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/connectionerrorwidget.cpp" line="38"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/connectionerrorwidget.cpp" line="39"/>
        <source>Copy the error text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/connectionerrorwidget.cpp" line="64"/>
        <source>Error connecting to the Intel AMT Setup and Configuration Server. Verify that Intel AMT Setup and Configuration Service security settings are configured and AMTConfig service is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/connectionerrorwidget.cpp" line="78"/>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::FolderPage</name>
    <message>
        <location filename="../ui/pages/folder/folderpage.cpp" line="54"/>
        <source>Double-click an entry, or select it and press Enter, to open it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::GeneralPage</name>
    <message>
        <location filename="../ui/pages/general/generalpage.cpp" line="18"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalpage.cpp" line="28"/>
        <source>Listen port, authorization, Remote Configuration and the log level.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::GeneralSettingsWidget</name>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="51"/>
        <source>Intel® AMT requires &amp;authorization before provisioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="52"/>
        <source>Allow &amp;Remote Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="53"/>
        <source>&amp;One time password required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="56"/>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="57"/>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="61"/>
        <source>General Service Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="62"/>
        <source>These settings are kept in the database, so every console and provisioning engine that uses it shares them. Each change is written to the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="77"/>
        <source>The TCP port on which the service receives hello packets from Intel AMT systems in setup mode (1-65535). Intel AMT uses 9971 unless the port was changed in the MEBx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="89"/>
        <source>When set, a system that sends hello packets waits as &quot;Awaiting authorization&quot; until an administrator authorizes it under Intel AMT Systems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="94"/>
        <source>Provision Intel AMT 2.2, 2.6 and 3.0 systems by Remote Configuration (certificate-based TLS) as well as by PID/PPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="98"/>
        <source>Remote Configuration also checks the one-time password set on the system beforehand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="117"/>
        <source>%1 (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="120"/>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="122"/>
        <source>Errors and warnings: what you need to see why a system did not provision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="124"/>
        <source>Errors, warnings and information, such as settings changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="126"/>
        <source>Everything, including debug detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="132"/>
        <source>&amp;Listen port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="137"/>
        <source>First Common Name (CN) in certificate subject name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="143"/>
        <source>Log le&amp;vel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="168"/>
        <source>Remote Configuration also needs a provisioning certificate whose root hash the systems trust; without one, systems in Remote Configuration mode cannot be provisioned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="269"/>
        <source>Enter the port number (1-65535).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="303"/>
        <source>Applying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="309"/>
        <source>The settings were not applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="316"/>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/general/generalsettingswidget.cpp" line="346"/>
        <source>These settings are shown read-only. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::LogModel</name>
    <message>
        <location filename="../ui/models/logmodel.cpp" line="117"/>
        <source>%1 (UTC %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/logmodel.cpp" line="140"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/logmodel.cpp" line="142"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/logmodel.cpp" line="144"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/logmodel.cpp" line="146"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/logmodel.cpp" line="148"/>
        <source>UUID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::LogPage</name>
    <message>
        <location filename="../ui/pages/log/logpage.cpp" line="21"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/log/logpage.cpp" line="31"/>
        <source>What the provisioning service and the console did, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/log/logpage.cpp" line="39"/>
        <source>View the Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/log/logpage.cpp" line="40"/>
        <source>Log entries reveal problems during provisioning: look for the UUID of a system that did not provision. What is recorded depends on the log level on the General page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::LogViewWidget</name>
    <message>
        <location filename="../ui/pages/log/logviewwidget.cpp" line="60"/>
        <source>&lt;p&gt;&lt;b&gt;No log entries yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Entries appear here as the provisioning service and the console work: a hello packet received, a system provisioned or failed, a setting changed on the General page.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/log/logviewwidget.cpp" line="86"/>
        <source>%n entries, newest first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/log/logviewwidget.cpp" line="88"/>
        <source>%n newest entries shown; scroll down for older ones.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::MainWindow</name>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="56"/>
        <source>Out of Band Management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="71"/>
        <source>Filter (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="73"/>
        <source>Show only the nodes whose name contains this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="86"/>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="120"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="121"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="125"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="126"/>
        <source>&amp;Filter Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="131"/>
        <source>Go to &amp;Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="134"/>
        <source>&amp;Expand All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="135"/>
        <source>&amp;Collapse All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="137"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="138"/>
        <source>Open &amp;Database Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="145"/>
        <source>Show the folder that holds the SQLite database in the file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="146"/>
        <source>&amp;Reopen Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="148"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="149"/>
        <source>&amp;About OOBM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="151"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="157"/>
        <source>About OOBM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="158"/>
        <source>&lt;h3&gt;OOBM %1&lt;/h3&gt;&lt;p&gt;Out of Band Management console for Intel® vPro™ / Intel® AMT: provisioning (hello packets, PID/PPS and Remote Configuration) and management of AMT systems.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;&lt;p&gt;License: GNU General Public License, version 2 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="227"/>
        <source>Apply changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="228"/>
        <source>The page &quot;%1&quot; has changes that have not been applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="231"/>
        <source>Apply them now, discard them, or stay on the page?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="251"/>
        <source>opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="254"/>
        <source>schema %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="257"/>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="260"/>
        <source>cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="263"/>
        <source>Database: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="265"/>
        <source>Engine: not part of this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="267"/>
        <source>The provisioning engine (hello listener on port 9971) arrives in a later release; this console edits settings and shows the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::PageArea</name>
    <message>
        <location filename="../ui/shell/pagearea.cpp" line="16"/>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::PlaceholderPage</name>
    <message>
        <location filename="../ui/pages/placeholder/placeholderpage.cpp" line="37"/>
        <source>&lt;b&gt;Not in this build yet.&lt;/b&gt; This version of OOBM does not provide this node&apos;s feature; it will arrive in a later release. Nothing on this page can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
