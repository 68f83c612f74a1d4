#include "SchemaFeature.h"

#include "SchemaPage.h"
#include "Workbench.h"

#include <QObject>

namespace tw::ui {

void SchemaFeature::install(Workbench &bench)
{
    auto *page = new SchemaPage(&bench.registry());
    bench.addPage(PageId::Schema, page);
    bench.addAction(MenuGroup::View, tr("&Schema"), QKeySequence(Qt::CTRL | Qt::Key_1), [&bench] { bench.showPage(PageId::Schema); });
    bench.addAction(MenuGroup::Connection, tr("&Refresh Schema"), QKeySequence(), [page] { page->refresh(); });
    QObject::connect(&bench, &Workbench::connectionOpened, page, [page, &bench](const QString &connection) {
        page->load(connection);
        bench.showPage(PageId::Schema);
    });
    QObject::connect(page, &SchemaPage::snapshotLoaded, &bench, [&bench](const QString &connection) {
        if (const auto snapshot = qobject_cast<SchemaPage *>(bench.page(PageId::Schema))->snapshot())
            bench.showStatus(tr("%1: %n object(s)", nullptr, snapshot->objectCount()).arg(connection));
        emit bench.snapshotLoaded(connection);
    });
    QObject::connect(page, &SchemaPage::loadFailed, &bench, &Workbench::operationFailed);
    QObject::connect(page, &SchemaPage::browseRequested, &bench,
                     [&bench](const QString &connection, const catalog::ObjectRef &ref) {
                         emit bench.browseRequested(connection, {ref.schema, ref.name});
                     });
    page->setBrowseEnabled(true);
}

} // namespace tw::ui
