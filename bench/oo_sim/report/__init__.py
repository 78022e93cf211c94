# Reporting helpers (a package, imported as `report.stats`).
