<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Oobm::Core::ProvisioningEngine</name>
    <message numerus="yes">
        <source>%n systems stopped sending hello packets: their hello window has closed (mode 6). Delayed Provision restarts it.</source>
        <translation>
            <numerusform>%n system stopped sending hello packets: its hello window has closed (mode 6). Delayed Provision restarts it.</numerusform>
            <numerusform>%n systems stopped sending hello packets: their hello window has closed (mode 6). Delayed Provision restarts it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PKI, %n root hashes</source>
        <translation>
            <numerusform>PKI, %n root hash</numerusform>
            <numerusform>PKI, %n root hashes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Core::SqlProfileLedger</name>
    <message numerus="yes">
        <source>%n system(s) are being provisioned with this profile right now; delete it when they are done.</source>
        <translation>
            <numerusform>%n system is being provisioned with this profile right now; delete it when it is done.</numerusform>
            <numerusform>%n systems are being provisioned with this profile right now; delete it when they are done.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::AssignmentsPage</name>
    <message numerus="yes">
        <source>%n rules, tried from the top; the first that matches wins, and systems no rule matches get the default profile.</source>
        <translation>
            <numerusform>%n rule; systems it does not match get the default profile.</numerusform>
            <numerusform>%n rules, tried from the top; the first that matches wins, and systems no rule matches get the default profile.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::AuxiliaryProfilesPage</name>
    <message numerus="yes">
        <source>%n auxiliary profiles.</source>
        <translation>
            <numerusform>%n auxiliary profile.</numerusform>
            <numerusform>%n auxiliary profiles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n TLS certificates.</source>
        <translation>
            <numerusform>%n TLS certificate.</numerusform>
            <numerusform>%n TLS certificates.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::CheckResultsView</name>
    <message numerus="yes">
        <source>%1 Copied %n lines.</source>
        <translation>
            <numerusform>%1 Copied %n line.</numerusform>
            <numerusform>%1 Copied %n lines.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::DelayedProvisionPage</name>
    <message numerus="yes">
        <source>%n systems failed or stopped sending hellos.</source>
        <translation>
            <numerusform>%n system failed or stopped sending hellos.</numerusform>
            <numerusform>%n systems failed or stopped sending hellos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hello sequence restarted on %n systems. They appear under Intel AMT Systems (and leave this list) as their hellos arrive and they are provisioned.</source>
        <translation>
            <numerusform>Hello sequence restarted on %n system. It appears under Intel AMT Systems (and leaves this list) as its hellos arrive and it is provisioned.</numerusform>
            <numerusform>Hello sequence restarted on %n systems. They appear under Intel AMT Systems (and leave this list) as their hellos arrive and they are provisioned.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::DnsConfigurationWidget</name>
    <message numerus="yes">
        <source>Cancelled after %n checks.</source>
        <translation>
            <numerusform>Cancelled after %n check.</numerusform>
            <numerusform>Cancelled after %n checks.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::DoctorDialog</name>
    <message numerus="yes">
        <source>Diagnosing %n systems…</source>
        <translation>
            <numerusform>Diagnosing %n system…</numerusform>
            <numerusform>Diagnosing %n systems…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n systems</source>
        <translation>
            <numerusform>%n system</numerusform>
            <numerusform>%n systems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n systems.</source>
        <translation>
            <numerusform>Cancelled after %n system.</numerusform>
            <numerusform>Cancelled after %n systems.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n systems have a problem. Double-click a row for all of its checks.</source>
        <translation>
            <numerusform>%1 of %n system has a problem. Double-click the row for all of its checks.</numerusform>
            <numerusform>%1 of %n systems have a problem. Double-click a row for all of its checks.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::ExportKeysDialog</name>
    <message numerus="yes">
        <source>The %n selected keys</source>
        <translation>
            <numerusform>The %n selected key</numerusform>
            <numerusform>The %n selected keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every available key (%n)</source>
        <translation>
            <numerusform>Every available key (%n)</numerusform>
            <numerusform>Every available key (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::HelloMonitorPage</name>
    <message numerus="yes">
        <source>%n hellos, newest first (live).</source>
        <translation>
            <numerusform>%n hello (live).</numerusform>
            <numerusform>%n hellos, newest first (live).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::HellosModel</name>
    <message numerus="yes">
        <source>PKI (%n hashes)</source>
        <translation>
            <numerusform>PKI (%n hash)</numerusform>
            <numerusform>PKI (%n hashes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::LogViewWidget</name>
    <message numerus="yes">
        <source>%n new entries, show them</source>
        <translation>
            <numerusform>%n new entry, show it</numerusform>
            <numerusform>%n new entries, show them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>Exported %n entry to %1.</numerusform>
            <numerusform>Exported %n entries to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries, newest first.</source>
        <translation>
            <numerusform>%n entry.</numerusform>
            <numerusform>%n entries, newest first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n newest entries shown; scroll down for older ones.</source>
        <translation>
            <numerusform>The newest entry shown; scroll down for older ones.</numerusform>
            <numerusform>%n newest entries shown; scroll down for older ones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n oldest entries, newest first; scroll up for newer ones.</source>
        <translation>
            <numerusform>The oldest entry; scroll up for newer ones.</numerusform>
            <numerusform>The %n oldest entries, newest first; scroll up for newer ones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries shown, neither the newest nor the oldest; scroll for more.</source>
        <translation>
            <numerusform>%n entry shown, neither the newest nor the oldest; scroll for more.</numerusform>
            <numerusform>%n entries shown, neither the newest nor the oldest; scroll for more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::MainWindow</name>
    <message numerus="yes">
        <source>Log entries are written again; %n were lost.</source>
        <translation>
            <numerusform>Log entries are written again; %n was lost.</numerusform>
            <numerusform>Log entries are written again; %n were lost.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, provisioning %n</source>
        <translation>
            <numerusform>, provisioning %n</numerusform>
            <numerusform>, provisioning %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::ProvisionProfilesPage</name>
    <message numerus="yes">
        <source>%n profiles; the default one is in bold.</source>
        <translation>
            <numerusform>%n profile; the default one is in bold.</numerusform>
            <numerusform>%n profiles; the default one is in bold.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::SecurityKeysWidget</name>
    <message numerus="yes">
        <source>%n keys</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Generated %n keys (batch %1).</source>
        <translation>
            <numerusform>Generated %n key (batch %1).</numerusform>
            <numerusform>Generated %n keys (batch %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n keys to %1.</source>
        <translation>
            <numerusform>Exported %n key to %1.</numerusform>
            <numerusform>Exported %n keys to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: the file has %n problems. Fix them and import it again.</source>
        <translation>
            <numerusform>Nothing was imported: the file has %n problem. Fix it and import the file again.</numerusform>
            <numerusform>Nothing was imported: the file has %n problems. Fix them and import it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n keys</source>
        <translation>
            <numerusform>Imported %n key</numerusform>
            <numerusform>Imported %n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n already used by devices).</source>
        <translation>
            <numerusform> (%n already used by a device).</numerusform>
            <numerusform> (%n already used by devices).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n keys? They were never exported or used; this cannot be undone.</source>
        <translation>
            <numerusform>Delete %n key? It was never exported or used; this cannot be undone.</numerusform>
            <numerusform>Delete %n keys? They were never exported or used; this cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n keys.</source>
        <translation>
            <numerusform>Deleted %n key.</numerusform>
            <numerusform>Deleted %n keys.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::SystemsWidget</name>
    <message numerus="yes">
        <source>%n systems</source>
        <translation>
            <numerusform>%n system</numerusform>
            <numerusform>%n systems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n systems authorized; each is provisioned at its next hello.</source>
        <translation>
            <numerusform>%n system authorized; it is provisioned at its next hello.</numerusform>
            <numerusform>%n systems authorized; each is provisioned at its next hello.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %n systems now? Unsaved work on them is lost.</source>
        <translation>
            <numerusform>%1 %n system now? Unsaved work on it is lost.</numerusform>
            <numerusform>%1 %n systems now? Unsaved work on them is lost.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Partially unprovision %n systems? Each goes back to setup mode with its key and sends hello packets again; the engine provisions it again with its profile.</source>
        <translation>
            <numerusform>Partially unprovision %n system? It goes back to setup mode with its key and sends hello packets again; the engine provisions it again with its profile.</numerusform>
            <numerusform>Partially unprovision %n systems? Each goes back to setup mode with its key and sends hello packets again; the engine provisions it again with its profile.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fully unprovision %n systems? Each goes back to factory mode: its accounts, settings and key are erased, and it needs a new key (USB key or MEBx) to be provisioned again.</source>
        <translation>
            <numerusform>Fully unprovision %n system? It goes back to factory mode: its accounts, settings and key are erased, and it needs a new key (USB key or MEBx) to be provisioned again.</numerusform>
            <numerusform>Fully unprovision %n systems? Each goes back to factory mode: its accounts, settings and key are erased, and it needs a new key (USB key or MEBx) to be provisioned again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n systems…</source>
        <translation>
            <numerusform>%1 of %n system…</numerusform>
            <numerusform>%1 of %n systems…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n systems done.</source>
        <translation>
            <numerusform>%1: %n system done.</numerusform>
            <numerusform>%1: %n systems done.</numerusform>
        </translation>
    </message>
</context>
</TS>
