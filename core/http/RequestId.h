#pragma once

#include "HttpMessage.h"

#include <QString>

namespace tw::http {

// The id a request is logged, audited and answered (X-Request-Id) under:
// the client's own when it is short and plain ([A-Za-z0-9._:-]{1,64}), so a
// proxy's logs and ours line up; otherwise a UUID-shaped id unique within
// the process and, by its random part, across processes and restarts.
QString requestIdFor(const HttpRequest &request);

} // namespace tw::http
