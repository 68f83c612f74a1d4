#pragma once

#include <QByteArray>

namespace tw::app {

// sd_notify(3) without libsystemd: one datagram to $NOTIFY_SOCKET (a path, or
// '@' for the abstract namespace). Does nothing outside a Type=notify unit.
void notifySystemd(const QByteArray &state);

} // namespace tw::app
