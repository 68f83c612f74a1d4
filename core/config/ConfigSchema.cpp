#include "ConfigSchema.h"

#include <QRegularExpression>

#include <array>
#include <climits>

namespace tw::config::schema {

const QStringList &sslModes()
{
    static const QStringList modes{
        QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
        QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full"),
    };
    return modes;
}

bool isValidSslMode(const QString &mode)
{
    return sslModes().contains(mode);
}

bool isValidConnectionName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$"));
    return re.match(name).hasMatch();
}

QString connectionNameRule()
{
    return QStringLiteral("must be 1-64 characters of letters, digits, '_', '-' or '.', "
                          "not starting with '-' or '.'");
}

bool parseBool(const QString &text, bool *out)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("on")
        || t == QLatin1String("1")) {
        *out = true;
        return true;
    }
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("off")
        || t == QLatin1String("0")) {
        *out = false;
        return true;
    }
    return false;
}

bool parseInt(const QString &text, int min, int max, int *out)
{
    static const QRegularExpression re(QStringLiteral("^[+-]?[0-9]+$"));
    const QString t = text.trimmed();
    if (!re.match(t).hasMatch())
        return false;
    bool ok = false;
    const qlonglong v = t.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return false;
    *out = int(v);
    return true;
}

std::span<const PoolIntField> poolIntFields()
{
    static constexpr std::array fields{
        PoolIntField{"size", "pool_size", &PoolSettings::size, 1, 1000},
        PoolIntField{"overflow", "pool_overflow", &PoolSettings::overflow, 0, 1000},
        // At least 1 ms: an acquire that could wait forever would hang callers.
        PoolIntField{"acquire_timeout_ms", "acquire_timeout_ms", &PoolSettings::acquireTimeoutMs, 1, 3600000},
        PoolIntField{"idle_timeout_ms", "idle_timeout_ms", &PoolSettings::idleTimeoutMs, 0, INT_MAX},
        PoolIntField{"max_lifetime_ms", "max_lifetime_ms", &PoolSettings::maxLifetimeMs, 0, INT_MAX},
        PoolIntField{"busy_timeout_ms", "busy_timeout_ms", &PoolSettings::busyTimeoutMs, 0, 3600000},
        PoolIntField{"busy_retries", "busy_retries", &PoolSettings::busyRetries, 0, 100},
        // Unset (-1) means as many as `size`; only 0..1000 can be written.
        PoolIntField{"api_reads", "api_reads", &PoolSettings::apiReads, 0, 1000},
    };
    return fields;
}

QString rangeMessage(int min, int max)
{
    return QStringLiteral("must be an integer between %1 and %2").arg(min).arg(max);
}

} // namespace tw::config::schema
