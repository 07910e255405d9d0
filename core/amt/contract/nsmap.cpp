// SPDX-License-Identifier: GPL-2.0-or-later
// The one translation unit that defines gSOAP's global namespaces[] table (every namespace of the
// contract: amt-sim's servers parse both dialects with it), and the two smaller tables the
// client's sessions use, so that a request declares only the namespaces of its own dialect.
#include "SecurityAdministration.nsmap"
#include "namespaces.h"

namespace Oobm::Core::Amt {

// AmtSession: SOAP 1.1 and the legacy services (docs/protocol.md §5.1).
struct Namespace g_legacyNamespaces[] = {
        {"SOAP-ENV", "http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/*/soap-envelope", nullptr},
        {"SOAP-ENC", "http://schemas.xmlsoap.org/soap/encoding/", "http://www.w3.org/*/soap-encoding", nullptr},
        {"xsi", "http://www.w3.org/2001/XMLSchema-instance", "http://www.w3.org/*/XMLSchema-instance", nullptr},
        {"xsd", "http://www.w3.org/2001/XMLSchema", "http://www.w3.org/*/XMLSchema", nullptr},
        {"sai", "http://schemas.intel.com/platform/client/SecurityAdministration/2004/01", nullptr, nullptr},
        {"inf", "http://schemas.intel.com/platform/client/GeneralInfo/2004/01", nullptr, nullptr},
        {"net", "http://schemas.intel.com/platform/client/NetworkAdministration/2004/01", nullptr, nullptr},
        {"tim", "http://schemas.intel.com/platform/client/NetworkTime/2004/01", nullptr, nullptr},
        {"rci", "http://schemas.intel.com/platform/client/RemoteControl/2004/01", nullptr, nullptr},
        {nullptr, nullptr, nullptr, nullptr},
};

// WsmanSession: SOAP 1.2, WS-Addressing 2004/08, WS-Management (docs/protocol.md §13.1). wxf
// has no element of its own in the contract; it is here to name transfer faults' subcodes.
struct Namespace g_wsmanNamespaces[] = {
        {"SOAP-ENV", "http://www.w3.org/2003/05/soap-envelope", "http://schemas.xmlsoap.org/soap/envelope/", nullptr},
        {"SOAP-ENC", "http://www.w3.org/2003/05/soap-encoding", "http://schemas.xmlsoap.org/soap/encoding/", nullptr},
        {"xsi", "http://www.w3.org/2001/XMLSchema-instance", "http://www.w3.org/*/XMLSchema-instance", nullptr},
        {"xsd", "http://www.w3.org/2001/XMLSchema", "http://www.w3.org/*/XMLSchema", nullptr},
        {"wsa", "http://schemas.xmlsoap.org/ws/2004/08/addressing", "http://www.w3.org/2005/08/addressing", nullptr},
        {"wsman", "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd", nullptr, nullptr},
        {"wsen", "http://schemas.xmlsoap.org/ws/2004/09/enumeration", nullptr, nullptr},
        {"wxf", "http://schemas.xmlsoap.org/ws/2004/09/transfer", nullptr, nullptr},
        {"gs", "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings", nullptr, nullptr},
        {"scs", "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_SetupAndConfigurationService", nullptr, nullptr},
        {"swi", "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_SoftwareIdentity", nullptr, nullptr},
        {"pms", "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_PowerManagementService", nullptr, nullptr},
        {"apms", "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_AssociatedPowerManagementService", nullptr,
         nullptr},
        {"csp", "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystemPackage", nullptr, nullptr},
        {"ts", "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_TimeSynchronizationService", nullptr, nullptr},
        {"auth", "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_AuthorizationService", nullptr, nullptr},
        {"bsd", "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_BootSettingData", nullptr, nullptr},
        {"bcs", "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_BootConfigSetting", nullptr, nullptr},
        {"bsvc", "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_BootService", nullptr, nullptr},
        {nullptr, nullptr, nullptr, nullptr},
};

} // namespace Oobm::Core::Amt
