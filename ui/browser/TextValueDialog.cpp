#include "TextValueDialog.h"

#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace tw::ui {

TextValueDialog::TextValueDialog(const QString &columnName, const QString &text, bool editable, QWidget *parent)
    : QDialog(parent)
    , m_editor(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Value: %1").arg(columnName));
    setObjectName(QStringLiteral("textValue"));
    m_editor->setPlainText(text);
    m_editor->setReadOnly(!editable);
    auto *buttons = new QDialogButtonBox(editable ? QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                                  : QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor);
    layout->addWidget(buttons);
    resize(640, 420);
}

QString TextValueDialog::text() const
{
    return m_editor->toPlainText();
}

} // namespace tw::ui
