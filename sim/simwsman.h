// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stdsoap2.h"

#include <QString>

#include <optional>
#include <string>

namespace Oobm::Sim {

class SimDevice;
class SoapCall;
class SoapServiceHost;

// A simulated device's WS-Management side (docs/protocol.md §13): one request to /wsman, read by
// SoapServer up to the body, dispatched here by its action and resource URI (gSOAP's generated
// dispatch knows only the action). Answers as the firmware does: SOAP 1.2, the response headers in
// the firmware's fields, faults with their WS-Management subcodes and HTTP 400. Digest, the call
// record and the lab's faults go through SoapCall as for the legacy services, under names like
// "AMT_GeneralSettings.Get".
class SimWsman
{
public:
    SimWsman(struct soap *soap, SoapServiceHost &host);

    // Serves the request. Returns SOAP_OK when an answer (a fault too) was sent, else what
    // SoapServer must handle: 401, SOAP_STOP, or a gSOAP error.
    int serve();

private:
    int get(const QString &className);
    int enumerate(const QString &className);
    int pull();
    int release();
    int requestPowerStateChange();
    int unprovision(bool partial);
    int getClock();
    int setClock();
    int setAdminAclEntryEx();
    int addUserAclEntryEx();
    int enumerateUserAclEntries();
    int getUserAclEntryEx();
    int updateUserAclEntryEx();
    int putBootSettingData();
    int changeBootOrder();
    int setBootConfigRole();

    enum ForcedStatus { ForcedStatusFaults, ForcedStatusAnswers };
    std::optional<int> refusal(const SoapCall &call, ForcedStatus forced);
    // Reads the request's body (its one element, tag) into input, and the envelope's end.
    template<typename Input>
    int readBody(Input &input, const char *tag);
    int endRequest();
    int fault(const char *subcode, const char *reason, const char *detail = nullptr);
    int notFound();
    void respondHeader(const char *action);
    template<typename Write>
    int send(Write writeBody);
    template<typename Body>
    int reply(const char *action, Body &body, const char *tag);
    int replyEmpty(const char *action);

    struct soap *m_soap;
    SoapServiceHost &m_host;
    std::string m_action;
    std::string m_resourceUri;
    std::string m_messageId;
};

} // namespace Oobm::Sim
