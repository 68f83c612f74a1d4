#include "BrowserFeature.h"

#include "BrowserPage.h"
#include "TableTab.h"
#include "Workbench.h"
#include "api/ApiFeature.h"
#include "async/Then.h"
#include "data/RestUrl.h"
#include "catalog/CatalogService.h"

#include <QInputDialog>
#include <QMainWindow>
#include <QMessageBox>

namespace tw::ui {

void BrowserFeature::install(Workbench &bench)
{
    auto *page = new BrowserPage(&bench.registry());
    bench.addPage(PageId::Browser, page);
    QObject::connect(&bench, &Workbench::browseRequested, page,
                     [page, &bench](const QString &connection, const catalog::QualifiedName &table) {
                         page->openTable(connection, table);
                         bench.showPage(PageId::Browser);
                     });
    QObject::connect(page, &BrowserPage::failed, &bench, &Workbench::operationFailed);
    QObject::connect(page, &BrowserPage::statusMessage, &bench, [&bench](const QString &text) { bench.showStatus(text, 5000); });
    // The API server of this window when it runs, else the configured address.
    page->setRestBaseUrl([&bench] { return data::restBaseUrl(ApiFeature::runningBaseUrl(bench), &bench.config().api); });

    bench.addAction(MenuGroup::View, tr("&Open Table…"), QKeySequence(Qt::CTRL | Qt::Key_B), [page, &bench] {
        const QString connection = bench.currentConnection();
        if (connection.isEmpty()) {
            bench.showStatus(tr("Open a connection first."), 5000);
            return;
        }
        const auto tables = catalog::listTables(bench.registry(), connection);
        async::then(tables, page, [page, &bench, connection](const Result<QList<catalog::TableRef>> &tables) {
            if (!tables) {
                emit bench.operationFailed(connection, tables.error());
                return;
            }
            QStringList names;
            for (const catalog::TableRef &table : tables.value())
                names << table.displayName();
            bool ok = false;
            const QString chosen = QInputDialog::getItem(bench.window(), tr("Open Table"), tr("Table:"), names, 0,
                                                         true, &ok);
            const qsizetype at = names.indexOf(chosen);
            if (!ok || at < 0)
                return;
            const catalog::TableRef &table = tables.value().at(at);
            page->openTable(connection, {table.schema, table.name});
            bench.showPage(PageId::Browser);
        });
    });
    bench.addCloseGuard([page] {
        if (!page->hasStagedChanges())
            return true;
        return QMessageBox::question(page->window(), tr("Quit"),
                                     tr("Some tables have edits that are not committed. Quit and drop them?"),
                                     QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel)
               == QMessageBox::Discard;
    });
    bench.addAction(MenuGroup::View, tr("Table &Browser"), QKeySequence(Qt::CTRL | Qt::Key_2), [&bench] { bench.showPage(PageId::Browser); });
}

} // namespace tw::ui
