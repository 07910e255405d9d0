// SPDX-License-Identifier: GPL-2.0-or-later
// certificates import, list, delete: the provisioning certificates of Remote Configuration;
// tls-certificates import, list, delete: the TLS server certificates that profiles install.
#pragma once

#include "ctlcommon.h"

namespace Oobm::Ctl {

// The id of the TLS certificate with this name; prints the error when there is none.
bool findTlsCertificate(Context &c, Core::Store &store, const QString &name, qint64 *id, int *exitCode);

int certificatesImport(Context &c);
int certificatesList(Context &c);
int certificatesDelete(Context &c);
int tlsCertificatesImport(Context &c);
int tlsCertificatesList(Context &c);
int tlsCertificatesDelete(Context &c);

} // namespace Oobm::Ctl
