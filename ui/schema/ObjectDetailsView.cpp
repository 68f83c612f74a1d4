#include "ObjectDetailsView.h"

#include "ErrorText.h"
#include "SchemaText.h"
#include "SqlHighlighter.h"
#include "catalog/Ddl.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tw::ui {

ObjectDetailsView::ObjectDetailsView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_properties(new QTableWidget(0, 2, this))
    , m_ddl(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("&Copy DDL"), this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_properties->setObjectName(QStringLiteral("objectProperties"));
    m_properties->setHorizontalHeaderLabels({tr("Property"), tr("Value")});
    m_properties->horizontalHeader()->setStretchLastSection(true);
    m_properties->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_properties->verticalHeader()->hide();
    m_properties->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_properties->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_properties->setWordWrap(true);

    m_ddl->setObjectName(QStringLiteral("ddlView"));
    m_ddl->setReadOnly(true);
    m_ddl->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_ddl->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new SqlHighlighter(m_ddl->document());

    m_copy->setObjectName(QStringLiteral("copyDdl"));
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(ddlText()); });

    auto *ddlHeader = new QHBoxLayout;
    ddlHeader->addWidget(new QLabel(tr("DDL"), this));
    ddlHeader->addStretch(1);
    ddlHeader->addWidget(m_copy);
    auto *ddlBox = new QWidget(this);
    auto *ddlLayout = new QVBoxLayout(ddlBox);
    ddlLayout->setContentsMargins(0, 0, 0, 0);
    ddlLayout->addLayout(ddlHeader);
    ddlLayout->addWidget(m_ddl, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_properties);
    split->addWidget(ddlBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setSizes({220, 440});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(split, 1);
    clear();
}

void ObjectDetailsView::clear()
{
    m_title->setText(tr("Select an object to see its properties and DDL."));
    m_properties->setRowCount(0);
    m_ddl->clear();
    m_ddlOk = false;
    m_copy->setEnabled(false);
}

Result<QString> ObjectDetailsView::ddlFor(const catalog::Snapshot &snapshot, const catalog::ObjectRef &ref)
{
    if (ref.kind == catalog::ObjectKind::Schema)
        return catalog::schemaDdl(snapshot, ref.name);
    return catalog::objectDdl(snapshot, ref);
}

void ObjectDetailsView::showObject(const catalog::Snapshot &snapshot, const std::optional<catalog::ObjectRef> &ref)
{
    if (!ref) {
        clear();
        return;
    }
    m_title->setText(SchemaText::kindLabel(ref->kind) + QLatin1Char(' ') + ref->displayName());
    const SchemaText::Properties props = SchemaText::properties(snapshot, *ref);
    m_properties->setRowCount(int(props.size()));
    for (int row = 0; row < props.size(); ++row) {
        m_properties->setItem(row, 0, new QTableWidgetItem(props[row].first));
        m_properties->setItem(row, 1, new QTableWidgetItem(props[row].second));
    }
    m_properties->resizeRowsToContents();

    const Result<QString> ddl = ddlFor(snapshot, *ref);
    m_ddlOk = ddl.ok();
    // No DDL (yet): the pane says why, as SQL comments so it still reads as SQL.
    m_ddl->setPlainText(ddl.ok() ? ddl.value() : ErrorText::asSqlComment(ddl.error()));
    m_copy->setEnabled(m_ddlOk);
}

QString ObjectDetailsView::ddlText() const
{
    return m_ddlOk ? m_ddl->toPlainText() : QString();
}

} // namespace tw::ui
