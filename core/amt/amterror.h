// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Oobm::Core::Amt {

// Why an AMT call failed, with a sentence that names the specifics (address, port, time, realm,
// user, fault string, PT_STATUS name and number, operation).
struct AmtError
{
    enum class Category {
        None,
        ConnectionRefused,
        Timeout,           // connect, send or receive took longer than allowed
        ConnectionDropped, // the peer closed the connection in the middle of a call
        TlsHandshake,      // PSK mismatch, certificate not trusted, ...
        Authentication,    // HTTP 401 after Digest
        SoapFault,
        Status,           // the call ran but PT_STATUS (or a WS-Management method's ReturnValue) is not 0
        NotFound,         // WS-Management DestinationUnreachable: no such class or instance
        NotSupported,     // WS-Management ActionNotSupported, or HTTP 404: not this device's dialect
        AccessDenied,     // WS-Management AccessDenied: the account lacks the realm
        InvalidSelectors, // WS-Management InvalidSelectors
        Protocol,         // anything else the transport reported
    };

    Category category = Category::None;
    QString message;
    QString operation;
    unsigned ptStatus = 0;     // with Category::Status: the PT_STATUS or the CIM ReturnValue
    QString statusName = {};   // with Category::Status: "NOT_PERMITTED", "UNKNOWN_ERROR" (CIM), ...
    QString faultSubcode = {}; // a WS-Management fault's subcode, local name ("InvalidEnumerationContext")

    bool isError() const { return category != Category::None; }
    explicit operator bool() const { return isError(); }
    static QString categoryName(Category category); // "connection-refused", ...
    // A PT_STATUS the device answered (the legacy services' StatusCode, an AMT_ class method's
    // ReturnValue) as an error named in its words; no error for 0.
    static AmtError fromPtStatus(const char *operation, unsigned status);
};

// A call's answer, or why there is none.
template<typename T>
struct AmtResult
{
    T value{};
    AmtError error;
    bool ok() const { return !error.isError(); }
};

} // namespace Oobm::Core::Amt
