// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Oobm::Core::Amt {

// PT_STATUS, the status every AMT SOAP operation returns (docs/protocol.md §5.4).
enum class PtStatus : unsigned {
    Success = 0x0,
    InternalError = 0x1,
    NotReady = 0x2,
    InvalidPtMode = 0x3,
    InvalidRegistrationData = 0x9,
    ApplicationDoesNotExist = 0xA,
    NotEnoughStorage = 0xB,
    InvalidName = 0xC,
    BlockDoesNotExist = 0xD,
    InvalidByteOffset = 0xE,
    InvalidByteCount = 0xF,
    NotPermitted = 0x10,
    NotOwner = 0x11,
    BlockLockedByOther = 0x12,
    BlockNotLocked = 0x13,
    InvalidGroupPermissions = 0x14,
    GroupDoesNotExist = 0x15,
    InvalidMemberCount = 0x16,
    MaxLimitReached = 0x17,
    InvalidAuthType = 0x18,
    InvalidDhcpMode = 0x1A,
    InvalidIpAddress = 0x1B,
    InvalidDomainName = 0x1C,
    RequestUnexpected = 0x1E,
    InvalidProvisioningState = 0x20,
    InvalidTime = 0x22,
    InvalidIndex = 0x23,
    InvalidParameter = 0x24,
    InvalidNetmask = 0x25,
    FlashWriteLimitExceeded = 0x26,
    NetworkIfErrorBase = 0x800,
    UnsupportedOemNumber = 0x801,
    UnsupportedBootOption = 0x802,
    InvalidCommand = 0x803,
    InvalidSpecialCommand = 0x804,
    InvalidHandle = 0x805,
    InvalidPassword = 0x806,
    InvalidRealm = 0x807,
    StorageAclEntryInUse = 0x808,
    DataMissing = 0x809,
    Duplicate = 0x80A,
    EventlogFrozen = 0x80B,
    PkiMissingKeys = 0x80C,
    PkiGeneratingKeys = 0x80D,
    InvalidKey = 0x80E,
    InvalidCert = 0x80F,
    CertKeyNotMatch = 0x810,
    MaxKerbDomainReached = 0x811,
    Unsupported = 0x812,
    InvalidPriority = 0x813,
    NotFound = 0x814,
    InvalidCredentials = 0x815,
    InvalidPassphrase = 0x816,
    NoAssociation = 0x818,
    AuditFail = 0x81B,
    BlockingComponent = 0x81C,
};

// "INVALID_PROVISIONING_STATE"; "UNKNOWN_0x1234" for a value not in the table.
QString ptStatusName(unsigned status);
// One sentence for an admin: what the device meant.
QString ptStatusSentence(unsigned status);
// Parses a name ("INVALID_PROVISIONING_STATE", any case) or a number (decimal or 0x hex).
bool ptStatusFromText(const QString &text, unsigned *status);

} // namespace Oobm::Core::Amt
