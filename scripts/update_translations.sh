#!/bin/sh
# Refreshes translations/quantlens_*.ts from the sources in app/gui and app/report (lupdate),
# dropping texts that vanished. New texts come in as type="unfinished": translate them (Qt
# Linguist, or by hand) before committing; ctest i18n_ts_complete fails until then.
set -eu
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-$(command -v lupdate6 || command -v /usr/lib/qt6/bin/lupdate || echo lupdate)}
"$LUPDATE" -silent -no-obsolete -locations none -I . app/gui app/report \
  -ts translations/quantlens_de.ts translations/quantlens_zh_CN.ts
