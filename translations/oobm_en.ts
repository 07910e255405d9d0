<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Oobm::Core::CertificateExpiry</name>
    <message numerus="yes">
        <source>The %1 %2 expires on %3 (in %n days): import its successor.</source>
        <translation>
            <numerusform>The %1 %2 expires on %3 (in %n day): import its successor.</numerusform>
            <numerusform>The %1 %2 expires on %3 (in %n days): import its successor.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Core::KeyRetirement</name>
    <message numerus="yes">
        <source>Available for more than %n days</source>
        <translation>
            <numerusform>Available for more than %n day</numerusform>
            <numerusform>Available for more than %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>exported more than %n days ago and never consumed</source>
        <translation>
            <numerusform>exported more than %n day ago and never consumed</numerusform>
            <numerusform>exported more than %n days ago and never consumed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Available keys older than %n days</source>
        <translation>
            <numerusform>Available keys older than %n day</numerusform>
            <numerusform>Available keys older than %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported keys unused %n days after their export</source>
        <translation>
            <numerusform>Exported keys unused %n day after their export</numerusform>
            <numerusform>Exported keys unused %n days after their export</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n named keys</source>
        <translation>
            <numerusform>%n named key</numerusform>
            <numerusform>%n named keys</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Core::MaintenanceRunner</name>
    <message numerus="yes">
        <source>no admin password is older than %n days.</source>
        <translation>
            <numerusform>no admin password is older than %n day.</numerusform>
            <numerusform>no admin password is older than %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Admin password rotation of %n systems (maintenance)</source>
        <translation>
            <numerusform>Admin password rotation of %n system (maintenance)</numerusform>
            <numerusform>Admin password rotation of %n systems (maintenance)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n systems have admin passwords older than %1 days; run %2 gives each a new one.</source>
        <translation>
            <numerusform>%n system has an admin password older than %1 days; run %2 gives it a new one.</numerusform>
            <numerusform>%n systems have admin passwords older than %1 days; run %2 gives each a new one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificates expire within %1 days.</source>
        <translation>
            <numerusform>%n certificate expires within %1 days.</numerusform>
            <numerusform>%n certificates expire within %1 days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n keys retired (%1).</source>
        <translation>
            <numerusform>%n key retired (%1).</numerusform>
            <numerusform>%n keys retired (%1).</numerusform>
        </translation>
    </message>
</context>
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
    <name>Oobm::Core::ReportResult</name>
    <message numerus="yes">
        <source>silent for more than %n hours</source>
        <translation>
            <numerusform>silent for more than %n hour</numerusform>
            <numerusform>silent for more than %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>top %n</source>
        <translation>
            <numerusform>top %n</numerusform>
            <numerusform>top %n</numerusform>
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
    <name>Oobm::Core::SqlTaskLedger</name>
    <message numerus="yes">
        <source>collection %1 (%n systems)</source>
        <translation>
            <numerusform>collection %1 (%n system)</numerusform>
            <numerusform>collection %1 (%n systems)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chosen systems</source>
        <translation>
            <numerusform>%n chosen system</numerusform>
            <numerusform>%n chosen systems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed systems of run %1</source>
        <translation>
            <numerusform>%n failed system of run %1</numerusform>
            <numerusform>%n failed systems of run %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>cancelled run %1 (%n systems not started)</source>
        <translation>
            <numerusform>cancelled run %1 (%n system not started)</numerusform>
            <numerusform>cancelled run %1 (%n systems not started)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Core::TaskRunner</name>
    <message numerus="yes">
        <source>%n systems of task runs were being worked on when this engine last stopped; they are taken up again (power states are checked first, so no device is switched twice).</source>
        <translation>
            <numerusform>%n system of a task run was being worked on when this engine last stopped; it is taken up again (its power state is checked first, so it is not switched twice).</numerusform>
            <numerusform>%n systems of task runs were being worked on when this engine last stopped; they are taken up again (power states are checked first, so no device is switched twice).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Core::TaskTarget</name>
    <message numerus="yes">
        <source>%n systems</source>
        <translation>
            <numerusform>%n system</numerusform>
            <numerusform>%n systems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui</name>
    <message numerus="yes">
        <source>%n rules, tried from the top; the first that matches wins, and systems no rule matches get the default profile.</source>
        <translation>
            <numerusform>%n rule; systems it does not match get the default profile.</numerusform>
            <numerusform>%n rules, tried from the top; the first that matches wins, and systems no rule matches get the default profile.</numerusform>
        </translation>
    </message>
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
    <message numerus="yes">
        <source>%n systems failed or stopped sending hellos.</source>
        <translation>
            <numerusform>%n system failed or stopped sending hellos.</numerusform>
            <numerusform>%n systems failed or stopped sending hellos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hellos, newest first (live).</source>
        <translation>
            <numerusform>%n hello (live).</numerusform>
            <numerusform>%n hellos, newest first (live).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n profiles; the default one is in bold.</source>
        <translation>
            <numerusform>%n profile; the default one is in bold.</numerusform>
            <numerusform>%n profiles; the default one is in bold.</numerusform>
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
    <name>Oobm::Gui::CollectionDialog</name>
    <message numerus="yes">
        <source>%n systems listed.</source>
        <translation>
            <numerusform>%n system listed.</numerusform>
            <numerusform>%n systems listed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::CollectionsWidget</name>
    <message numerus="yes">
        <source>%n collections of your own, and the built-in ones.</source>
        <translation>
            <numerusform>%n collection of your own, and the built-in ones.</numerusform>
            <numerusform>%n collections of your own, and the built-in ones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n systems now</source>
        <translation>
            <numerusform>, %n system now</numerusform>
            <numerusform>, %n systems now</numerusform>
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
    <name>Oobm::Gui::ReportsWidget</name>
    <message numerus="yes">
        <source>%1 · %n rows, computed in %2 ms.</source>
        <translation>
            <numerusform>%1 · %n row, computed in %2 ms.</numerusform>
            <numerusform>%1 · %n rows, computed in %2 ms.</numerusform>
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
        <source>%n of the selected systems are not provisioned, so OOBM has no credentials for them: they are left out.</source>
        <translation>
            <numerusform>%n of the selected systems is not provisioned, so OOBM has no credentials for it: it is left out.</numerusform>
            <numerusform>%n of the selected systems are not provisioned, so OOBM has no credentials for them: they are left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 at the next start of %n systems? The setting takes effect when each system starts again.</source>
        <translation>
            <numerusform>%1 at the next start of %n system? The setting takes effect when it starts again.</numerusform>
            <numerusform>%1 at the next start of %n systems? The setting takes effect when each system starts again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::TagsDialog</name>
    <message numerus="yes">
        <source>Tags of %n systems</source>
        <translation>
            <numerusform>Tags of %n system</numerusform>
            <numerusform>Tags of %n systems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n systems)</source>
        <translation>
            <numerusform>%1 (%n system)</numerusform>
            <numerusform>%1 (%n systems)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>tagged %n systems %1</source>
        <translation>
            <numerusform>tagged %n system %1</numerusform>
            <numerusform>tagged %n systems %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>took %1 off %n systems</source>
        <translation>
            <numerusform>took %1 off %n system</numerusform>
            <numerusform>took %1 off %n systems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::TaskDialog</name>
    <message numerus="yes">
        <source>%n systems</source>
        <translation>
            <numerusform>%n system</numerusform>
            <numerusform>%n systems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n systems now)</source>
        <translation>
            <numerusform>%1 (%n system now)</numerusform>
            <numerusform>%1 (%n systems now)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Oobm::Gui::TasksWidget</name>
    <message numerus="yes">
        <source>%1 on %n systems</source>
        <translation>
            <numerusform>%1 on %n system</numerusform>
            <numerusform>%1 on %n systems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n systems now (the task %2)? Unsaved work on them may be lost.</source>
        <translation>
            <numerusform>%1 on %n system now (the task %2)? Unsaved work on it may be lost.</numerusform>
            <numerusform>%1 on %n systems now (the task %2)? Unsaved work on them may be lost.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n systems now (the collection %2, for the task %3)? Unsaved work on them may be lost.</source>
        <translation>
            <numerusform>%1 on %n system now (the collection %2, for the task %3)? Unsaved work on it may be lost.</numerusform>
            <numerusform>%1 on %n systems now (the collection %2, for the task %3)? Unsaved work on them may be lost.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel run %1 (%2)? The %n systems not started yet are left alone; those under way finish.</source>
        <translation>
            <numerusform>Cancel run %1 (%2)? The %n system not started yet is left alone; those under way finish.</numerusform>
            <numerusform>Cancel run %1 (%2)? The %n systems not started yet are left alone; those under way finish.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled run %1: %n systems were not started.</source>
        <translation>
            <numerusform>Cancelled run %1: %n system was not started.</numerusform>
            <numerusform>Cancelled run %1: %n systems were not started.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 again on the %n systems that failed in run %2?</source>
        <translation>
            <numerusform>%1 again on the %n system that failed in run %2?</numerusform>
            <numerusform>%1 again on the %n systems that failed in run %2?</numerusform>
        </translation>
    </message>
</context>
</TS>
