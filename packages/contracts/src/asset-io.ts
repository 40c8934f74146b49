// Asset import (CSV/XLSX preview and apply) and export contracts.
export {};
