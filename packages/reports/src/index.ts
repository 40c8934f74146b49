// Report rendering shared by every module: one document model → PDF, DOCX, XLSX, CSV.
export {};
