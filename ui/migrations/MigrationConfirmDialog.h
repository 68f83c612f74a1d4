#pragma once

#include "migrate/MigrationPlan.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QTreeWidget;

namespace tw::ui {

// Asks before a migration command writes anything. For up and down it lists
// the dry-run's plan — every step, every statement in order, which steps run
// outside a transaction and why, and how the run is locked — so what the
// admin confirms is what the runner executes. Repair and baseline get a
// sentence (and, for baseline, the version to record).
class MigrationConfirmDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit MigrationConfirmDialog(QWidget *parent = nullptr);

    // up / down: the plan from the dry-run with the same options.
    void showPlan(migrate::MigrationCommand command, const QString &connection, const migrate::MigrationPlan &plan);
    // repair / baseline and anything else: a sentence, and an optional version field.
    void showAction(const QString &title, const QString &text, const QString &acceptText);
    void askVersion(const QString &label, const QString &initial);

    migrate::MigrationCommand command() const { return m_command; }
    QString version() const;
    QTreeWidget *planTree() const { return m_tree; }
    QString summary() const;              // the sentence above the list
    int statementCount() const { return m_statements; }
    int nonTransactionalSteps() const { return m_nonTransactional; }

private:
    void setAcceptText(const QString &text);

    migrate::MigrationCommand m_command = migrate::MigrationCommand::Status;
    QLabel *m_summary;
    QTreeWidget *m_tree;
    QLabel *m_footer;
    QLabel *m_versionLabel;
    QLineEdit *m_version;
    class QPushButton *m_accept;
    int m_statements = 0;
    int m_nonTransactional = 0;
};

} // namespace tw::ui
