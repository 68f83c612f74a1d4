#pragma once

#include "config/AppConfig.h"
#include "error/Error.h"

#include <QSslConfiguration>

#include <optional>

namespace tw::http {

// The server's TLS setup from api.tls: the PEM certificate chain and an
// unencrypted PEM private key (RSA or EC) that must belong to the first
// certificate; TLS 1.2 or later. Nothing configured: *out stays empty.
// Errors are CONFIG_INVALID naming api.tls.certificate or api.tls.key.
Status loadTlsConfiguration(const config::ApiSettings &api, std::optional<QSslConfiguration> *out);

} // namespace tw::http
