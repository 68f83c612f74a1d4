#include "MigrationControl.h"

#include "db/NativeConnection.h"
#include "log/Categories.h"

#include <QRunnable>
#include <QThreadPool>

namespace tw::migrate {

void MigrationControl::cancel()
{
    m_cancelled.store(true);
    std::function<bool(QString *)> send;
    {
        QMutexLocker lock(&m_mutex);
        if (m_native)
            send = m_native->cancel();
    }
    if (!send)
        return;
    QThreadPool::globalInstance()->start(QRunnable::create([send = std::move(send)] {
        QString error;
        if (!send(&error))
            qCWarning(lcDb) << "cancelling the running migration statement failed:" << error;
    }));
}

void MigrationControl::attach(db::NativeConnection *native)
{
    QMutexLocker lock(&m_mutex);
    m_native = native;
}

void MigrationControl::detach()
{
    QMutexLocker lock(&m_mutex);
    m_native = nullptr;
}

} // namespace tw::migrate
