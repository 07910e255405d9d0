// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/dns/dnschecker.h"
#include "core/keys/keyrecord.h"
#include "core/keys/provisioningcertificate.h"
#include "core/provisioning/actionrecord.h"
#include "core/provisioning/amtsystem.h"
#include "core/provisioning/enginestatus.h"
#include "core/provisioning/hellorecord.h"
#include "core/settings/servicesettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace Oobm::Core {

class Store;

// Everything the doctor looks at for one system, gathered from the store, DNS and the network.
struct DoctorEvidence
{
    QString subject;    // as asked: a UUID, an address or an FQDN
    QString storeError; // the store could not be read: nothing below is known
    bool found = false;
    AmtSystem system;
    QList<HelloRecord> hellos; // newest first
    int logEntries = 0;        // log entries that carry its UUID
    QString lastLogError;      // the newest of them that is an Error
    bool pidKnown = false;     // the PID of its last PSK hello is in the ledger
    KeyRecord key;
    ActionRecord lastFailedStep;
    ServiceSettings settings;
    QList<EngineStatus> engines;
    QList<ProvisioningCertificate> certificates;
    QList<CheckResult> network; // ProvisionServer in its domain, this server's name, the listener
    // A provisioned system, asked over SOAP with the stored credentials: what it answered, or why
    // it did not. Not asked when deviceProbed is false.
    bool deviceProbed = false;
    QString deviceAnswer;
    QString deviceError;
    QDateTime now;
};

// One diagnosis: every check in the reference's order, and the verdict, which is the first
// check that is not a pass (or the healthy verdict), with its evidence and fix.
struct DoctorReport
{
    QString subject;
    QString uuid;
    QList<CheckResult> checks;
    CheckResult verdict;

    QString toText() const;
};

// The provisioning doctor (Tools > Diagnose; `oobmctl doctor`): the reference's "System Missing"
// method and its Symptoms, automated. diagnose() is pure; gather() blocks on the store, DNS and
// TCP and belongs off the GUI thread.
class ProvisioningDoctor
{
    Q_DECLARE_TR_FUNCTIONS(Oobm::Core::ProvisioningDoctor)

public:
    static DoctorReport diagnose(const DoctorEvidence &evidence);

    static DoctorEvidence gather(Store *store, const QString &subject, const DnsResolver::CancelCheck &cancelled = {});
    // The systems a "diagnose all" walks: every one that is not provisioned.
    static SystemFilter unprovisionedFilter();
    static QStringList unprovisionedSystems(Store *store, QString *error); // blocks
};

} // namespace Oobm::Core
