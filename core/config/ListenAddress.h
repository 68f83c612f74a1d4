#pragma once

#include <QString>

#include <optional>

namespace tw::config {

// "127.0.0.1:8080", "0.0.0.0:0", "[::1]:8443": the api.listen value and
// `serve --listen`. The host must be an IP address (a name could resolve to
// several, and binding must be predictable); port 0 lets the OS pick one.
struct ListenAddress
{
    QString host;
    int port = 0;

    QString toString() const;
    bool isLoopback() const;
    // 0.0.0.0 or :: (every address).
    bool isWildcard() const;
};

// nullopt with *error saying what is wrong ("port must be between 0 and 65535").
std::optional<ListenAddress> parseListenAddress(const QString &text, QString *error = nullptr);

} // namespace tw::config
