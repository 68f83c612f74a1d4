#include "MigrationConfirmDialog.h"

#include "MigrationStateStyle.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tw::ui {

using migrate::MigrationCommand;
using migrate::PlannedStep;

namespace {

QString actionText(PlannedStep::Action action)
{
    switch (action) {
    case PlannedStep::Action::Apply: return MigrationConfirmDialog::tr("apply");
    case PlannedStep::Action::Resume: return MigrationConfirmDialog::tr("resume");
    case PlannedStep::Action::Undo: return MigrationConfirmDialog::tr("undo");
    case PlannedStep::Action::Reapply: return MigrationConfirmDialog::tr("re-apply");
    }
    return {};
}

// One line of a statement for the list; the whole text is in the tooltip.
QString firstLine(const QString &statement)
{
    const QString trimmed = statement.trimmed();
    const qsizetype newline = trimmed.indexOf(u'\n');
    QString line = newline < 0 ? trimmed : trimmed.left(newline) + QStringLiteral(" …");
    if (line.size() > 140)
        line = line.left(139) + QStringLiteral("…");
    return line;
}

} // namespace

MigrationConfirmDialog::MigrationConfirmDialog(QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_footer(new QLabel(this))
    , m_versionLabel(new QLabel(this))
    , m_version(new QLineEdit(this))
{
    setObjectName(QStringLiteral("migrationConfirm"));
    m_summary->setObjectName(QStringLiteral("confirmSummary"));
    m_summary->setWordWrap(true);
    m_tree->setObjectName(QStringLiteral("planTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Step / statement"), tr("Line")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tree->setVisible(false);
    m_footer->setObjectName(QStringLiteral("confirmFooter"));
    m_footer->setWordWrap(true);
    m_footer->setVisible(false);
    m_version->setObjectName(QStringLiteral("confirmVersion"));
    m_versionLabel->setVisible(false);
    m_version->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_accept = buttons->addButton(tr("Run"), QDialogButtonBox::AcceptRole);
    m_accept->setObjectName(QStringLiteral("confirmButton"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);   // Enter never runs a migration by accident
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *versionRow = new QHBoxLayout;
    versionRow->addWidget(m_versionLabel);
    versionRow->addWidget(m_version, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(versionRow);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_footer);
    layout->addWidget(buttons);
}

void MigrationConfirmDialog::setAcceptText(const QString &text)
{
    m_accept->setText(text);
}

QString MigrationConfirmDialog::version() const
{
    return m_version->text().trimmed();
}

QString MigrationConfirmDialog::summary() const
{
    return m_summary->text();
}

void MigrationConfirmDialog::showPlan(MigrationCommand command, const QString &connection,
                                      const migrate::MigrationPlan &plan)
{
    m_command = command;
    const bool down = command == MigrationCommand::Down;
    setWindowTitle(down ? tr("Undo Migrations") : tr("Apply Migrations"));
    setAcceptText(down ? tr("Undo") : tr("Apply"));
    m_tree->clear();
    m_statements = 0;
    m_nonTransactional = 0;
    const QIcon warning = MigrationStateStyle::icon(migrate::MigrationState::OutOfOrder);
    for (int i = 0; i < plan.steps.size(); ++i) {
        const PlannedStep &step = plan.steps.at(i);
        auto *item = new QTreeWidgetItem(m_tree);
        QString text = tr("%1. %2 %3").arg(i + 1).arg(actionText(step.action), step.script.fileName);
        if (!step.transactional()) {
            ++m_nonTransactional;
            text += QStringLiteral("  —  ") + tr("without a transaction (%1)").arg(step.noTransactionReason);
            item->setIcon(0, warning);
            item->setToolTip(0, tr("Runs statement by statement outside a transaction; a failure leaves it partial "
                                   "and Up resumes it from the failed statement."));
        }
        item->setText(0, text);
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        for (int s = 0; s < step.statements.size(); ++s) {
            const migrate::ScriptStatement &statement = step.statements.at(s);
            auto *child = new QTreeWidgetItem(item);
            const bool skipped = step.action == PlannedStep::Action::Resume && s < step.resumeFrom;
            child->setText(0, skipped ? tr("(already ran) %1").arg(firstLine(statement.text)) : firstLine(statement.text));
            child->setText(1, QString::number(statement.line));
            child->setToolTip(0, statement.text.trimmed());
            if (skipped)
                child->setForeground(0, QApplication::palette().brush(QPalette::Disabled, QPalette::Text));
            else
                ++m_statements;
        }
        item->setExpanded(true);
    }
    m_tree->setVisible(true);

    const QString what = down ? tr("Undo %n migration(s)", nullptr, int(plan.steps.size()))
                              : tr("Apply %n migration(s)", nullptr, int(plan.steps.size()));
    m_summary->setText(tr("%1 on %2: %n statement(s), in this order.", nullptr, m_statements).arg(what, connection));
    QStringList footer;
    if (plan.singleTransaction)
        footer << tr("All steps run in one transaction: any failure rolls every one of them back.");
    else
        footer << tr("Each step runs in its own transaction with its history row; a failing step is rolled back "
                     "and the ones after it do not run.");
    if (m_nonTransactional > 0)
        footer << tr("%n step(s) run without a transaction (marked above).", nullptr, m_nonTransactional);
    if (!plan.lockPlan.isEmpty())
        footer << tr("Lock: %1").arg(plan.lockPlan);
    m_footer->setText(footer.join(u'\n'));
    m_footer->setVisible(true);
    resize(760, 480);
}

void MigrationConfirmDialog::showAction(const QString &title, const QString &text, const QString &acceptText)
{
    setWindowTitle(title);
    m_summary->setText(text);
    setAcceptText(acceptText);
    m_tree->setVisible(false);
    m_footer->setVisible(false);
    resize(520, 180);
}

void MigrationConfirmDialog::askVersion(const QString &label, const QString &initial)
{
    m_versionLabel->setText(label);
    m_version->setText(initial);
    m_versionLabel->setVisible(true);
    m_version->setVisible(true);
    m_version->setFocus();
}

} // namespace tw::ui
