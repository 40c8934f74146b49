import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../home/NotFoundPage.js';
import { AssessmentPage } from './assessments/AssessmentPage.js';
import { AssessmentsPage } from './assessments/AssessmentsPage.js';
import { ComplianceNav } from './ComplianceNav.js';
import { ControlsPage } from './controls/ControlsPage.js';
import { EvidenceItemPage } from './evidence/EvidenceItemPage.js';
import { EvidencePage } from './evidence/EvidencePage.js';
import { SoaPage } from './soa/SoaPage.js';

/** Controls and compliance, under /compliance. */
export function CompliancePage() {
  return (
    <>
      <ComplianceNav />
      <Routes>
        <Route index element={<ControlsPage />} />
        <Route path="evidence" element={<EvidencePage />} />
        <Route path="evidence/:evidenceId" element={<EvidenceItemPage />} />
        <Route path="assessments" element={<AssessmentsPage />} />
        <Route path="assessments/:assessmentId" element={<AssessmentPage />} />
        <Route path="soa" element={<SoaPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
