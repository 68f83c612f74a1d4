#include "JsonEditorDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tw::ui {

namespace {

// QJsonDocument reads only objects and arrays; a bare scalar ("abc", 42,
// null) is valid JSON too, so parse it inside an array.
QJsonDocument parseAny(const QString &text, QJsonParseError *error)
{
    const QByteArray wrapped = "[" + text.toUtf8() + "\n]";
    QJsonDocument doc = QJsonDocument::fromJson(wrapped, error);
    if (error->error != QJsonParseError::NoError)
        error->offset = std::max(0, error->offset - 1);
    return doc;
}

} // namespace

JsonEditorDialog::JsonEditorDialog(const QString &columnName, const QString &json, bool prettyOnOpen, QWidget *parent)
    : QDialog(parent)
    , m_editor(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Edit JSON: %1").arg(columnName));
    setObjectName(QStringLiteral("jsonEditor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlainText(prettyOnOpen && validationError(json).isEmpty() ? pretty(json) : json);
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    QPushButton *format = buttons->addButton(tr("&Format"), QDialogButtonBox::ActionRole);
    format->setToolTip(tr("Indent the JSON. Object keys are sorted, which plain json columns keep as typed."));
    connect(format, &QPushButton::clicked, this, [this] {
        if (validationError(m_editor->toPlainText()).isEmpty())
            m_editor->setPlainText(pretty(m_editor->toPlainText()));
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &JsonEditorDialog::check);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(640, 480);
    check();
}

QString JsonEditorDialog::json() const
{
    return m_editor->toPlainText();
}

QString JsonEditorDialog::validationError(const QString &text)
{
    if (text.trimmed().isEmpty())
        return tr("empty: JSON needs a value (use NULL for no value)");
    QJsonParseError error;
    parseAny(text, &error);
    if (error.error == QJsonParseError::NoError)
        return {};
    return tr("%1 at character %2").arg(error.errorString()).arg(error.offset);
}

QString JsonEditorDialog::pretty(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = parseAny(text, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().isEmpty())
        return text;
    const QJsonValue value = doc.array().first();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    return text.trimmed();
}

void JsonEditorDialog::check()
{
    const QString error = validationError(m_editor->toPlainText());
    m_ok->setEnabled(error.isEmpty());
    m_status->setText(error.isEmpty() ? tr("Valid JSON.") : error);
    m_status->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("color: #c0392b;"));
}

} // namespace tw::ui
