// SPDX-License-Identifier: GPL-2.0-or-later
#include "ptstatus.h"

#include <QCoreApplication>

namespace Oobm::Core::Amt {

namespace {

struct Entry
{
    unsigned value;
    const char *name;
    const char *sentence;
};

constexpr Entry Table[] = {
        {0, "SUCCESS", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The operation succeeded.")},
        {1, "INTERNAL_ERROR",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The device hit an internal firmware error.")},
        {2, "NOT_READY",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus",
                           "The device is not ready for this request yet; try again shortly.")},
        {3, "INVALID_PT_MODE",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The request is not allowed in the device's current mode.")},
        {9, "INVALID_REGISTRATION_DATA",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The registration data is invalid.")},
        {10, "APPLICATION_DOES_NOT_EXIST",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The application named does not exist on the device.")},
        {11, "NOT_ENOUGH_STORAGE",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The device has no room left for this.")},
        {12, "INVALID_NAME", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "A name in the request is not valid.")},
        {13, "BLOCK_DOES_NOT_EXIST",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The storage block named does not exist.")},
        {14, "INVALID_BYTE_OFFSET",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The byte offset is outside the block.")},
        {15, "INVALID_BYTE_COUNT",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The byte count is outside the block.")},
        {16, "NOT_PERMITTED",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The device does not permit this operation for this user.")},
        {17, "NOT_OWNER", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "This user does not own the resource.")},
        {18, "BLOCK_LOCKED_BY_OTHER",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The storage block is locked by someone else.")},
        {19, "BLOCK_NOT_LOCKED", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The storage block is not locked.")},
        {20, "INVALID_GROUP_PERMISSIONS",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The group permissions are not valid.")},
        {21, "GROUP_DOES_NOT_EXIST", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The group does not exist.")},
        {22, "INVALID_MEMBER_COUNT", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The member count is not valid.")},
        {23, "MAX_LIMIT_REACHED",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The device's limit for this kind of entry has been reached.")},
        {24, "INVALID_AUTH_TYPE",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The authentication type is not valid.")},
        {26, "INVALID_DHCP_MODE",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The DHCP mode is not valid for this interface.")},
        {27, "INVALID_IP_ADDRESS",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "An IP address in the request is not valid.")},
        {28, "INVALID_DOMAIN_NAME", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The domain name is not valid.")},
        {30, "REQUEST_UNEXPECTED",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The device did not expect this request now.")},
        {32, "INVALID_PROVISIONING_STATE",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus",
                           "The device is not in a provisioning state that allows this (for example, changes were "
                           "already committed).")},
        {34, "INVALID_TIME", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The time value is not valid.")},
        {35, "INVALID_INDEX", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The index is outside the valid range.")},
        {36, "INVALID_PARAMETER",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "A parameter of the request is not valid.")},
        {37, "INVALID_NETMASK", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The subnet mask is not valid.")},
        {38, "FLASH_WRITE_LIMIT_EXCEEDED",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus",
                           "The device refused to write its flash again so soon; try later.")},
        {2048, "NETWORK_IF_ERROR_BASE",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "A network interface error occurred.")},
        {2049, "UNSUPPORTED_OEM_NUMBER",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The IANA OEM number is not supported (Intel is 343).")},
        {2050, "UNSUPPORTED_BOOT_OPTION",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The boot option is not supported.")},
        {2051, "INVALID_COMMAND",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The remote control command is not valid.")},
        {2052, "INVALID_SPECIAL_COMMAND",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The special command is not valid.")},
        {2053, "INVALID_HANDLE",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The handle does not name an existing entry.")},
        {2054, "INVALID_PASSWORD",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The password does not meet the device's rules.")},
        {2055, "INVALID_REALM", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "A realm in the request is not valid.")},
        {2056, "STORAGE_ACL_ENTRY_IN_USE",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The access control entry is in use.")},
        {2057, "DATA_MISSING", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "Data the operation needs is missing.")},
        {2058, "DUPLICATE", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The entry already exists.")},
        {2059, "EVENTLOG_FROZEN", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The event log is frozen.")},
        {2060, "PKI_MISSING_KEYS",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The device has no keys for this PKI operation.")},
        {2061, "PKI_GENERATING_KEYS",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The device is still generating its keys; try again shortly.")},
        {2062, "INVALID_KEY", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The key is not valid.")},
        {2063, "INVALID_CERT", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The certificate is not valid.")},
        {2064, "CERT_KEY_NOT_MATCH",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The certificate does not match the private key.")},
        {2065, "MAX_KERB_DOMAIN_REACHED",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The device's limit of Kerberos domains has been reached.")},
        {2066, "UNSUPPORTED", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The device does not support this.")},
        {2067, "INVALID_PRIORITY", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The priority is not valid.")},
        {2068, "NOT_FOUND", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The item was not found.")},
        {2069, "INVALID_CREDENTIALS", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The credentials are not valid.")},
        {2070, "INVALID_PASSPHRASE", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The passphrase is not valid.")},
        {2072, "NO_ASSOCIATION", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "There is no association.")},
        {2075, "AUDIT_FAIL", QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "The audit log refused the operation.")},
        {2076, "BLOCKING_COMPONENT",
         QT_TRANSLATE_NOOP("Oobm::Core::Amt::PtStatus", "A component blocks the operation.")},
};

const Entry *find(unsigned status)
{
    for (const Entry &e : Table) {
        if (e.value == status)
            return &e;
    }
    return nullptr;
}

} // namespace

QString ptStatusName(unsigned status)
{
    if (const Entry *e = find(status))
        return QLatin1String(e->name);
    return QStringLiteral("UNKNOWN_0x%1").arg(status, 0, 16);
}

QString ptStatusSentence(unsigned status)
{
    if (const Entry *e = find(status))
        return QCoreApplication::translate("Oobm::Core::Amt::PtStatus", e->sentence);
    return QCoreApplication::translate("Oobm::Core::Amt::PtStatus",
                                       "The device answered with a status this program does not know.");
}

bool ptStatusFromText(const QString &text, unsigned *status)
{
    const QString t = text.trimmed();
    bool ok = false;
    const unsigned number = t.startsWith(QLatin1String("0x"), Qt::CaseInsensitive) ? t.mid(2).toUInt(&ok, 16)
                                                                                   : t.toUInt(&ok, 10);
    if (ok) {
        *status = number;
        return true;
    }
    for (const Entry &e : Table) {
        if (t.compare(QLatin1String(e.name), Qt::CaseInsensitive) == 0) {
            *status = e.value;
            return true;
        }
    }
    return false;
}

} // namespace Oobm::Core::Amt
