#pragma once

#include "migrate/MigrationRunner.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace tw::ui {

// The bottom of the migrations tab while (and after) a command runs: a
// progress bar fed by the runner's events (steps, and statements within the
// current step), the lock holder while waiting for another runner, a live
// log and a Cancel button. Shows; decides nothing.
class MigrationRunView final : public QWidget
{
    Q_OBJECT
public:
    explicit MigrationRunView(QWidget *parent = nullptr);

    void start(const QString &title, bool cancellable);
    void onEvent(const migrate::MigrationEvent &event);
    void finish(const QString &summary, bool ok);
    void log(const QString &line);
    void clearLog();

    bool isRunning() const { return m_running; }
    QString logText() const;
    QString lockText() const;
    QString stepText() const;
    QProgressBar *progress() const { return m_progress; }
    QPushButton *cancelButton() const { return m_cancel; }

signals:
    void cancelRequested();


private:
    bool m_running = false;
    QLabel *m_step;
    QLabel *m_lock;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPlainTextEdit *m_log;
};

} // namespace tw::ui
