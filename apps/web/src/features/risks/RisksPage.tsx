import { Route, Routes } from 'react-router';
import { RequirePermission } from '../../components/RequirePermission.js';
import { NotFoundPage } from '../home/NotFoundPage.js';
import { AssessmentPage } from './assessments/AssessmentPage.js';
import { AssessmentsPage } from './assessments/AssessmentsPage.js';
import { CataloguePage } from './catalogue/CataloguePage.js';
import { MethodologyPage } from './methodology/MethodologyPage.js';
import { RisksNav } from './RisksNav.js';
import { RegisterPage } from './register/RegisterPage.js';
import { ScenarioPage } from './scenarios/ScenarioPage.js';
import { TreatmentPage } from './treatment/TreatmentPage.js';

/** The risk module's screens, under /risks. */
export function RisksPage() {
  return (
    <>
      <RisksNav />
      <Routes>
        <Route index element={<RegisterPage />} />
        <Route
          path="assessments"
          element={
            <RequirePermission permission="risks.read">
              <AssessmentsPage />
            </RequirePermission>
          }
        />
        <Route
          path="assessments/:assessmentId"
          element={
            <RequirePermission permission="risks.read">
              <AssessmentPage />
            </RequirePermission>
          }
        />
        <Route path="scenarios/:scenarioId" element={<ScenarioPage />} />
        <Route path="treatment" element={<TreatmentPage />} />
        <Route
          path="methodology"
          element={
            <RequirePermission permission="risks.read">
              <MethodologyPage />
            </RequirePermission>
          }
        />
        <Route
          path="catalogue"
          element={
            <RequirePermission permission="risks.read">
              <CataloguePage />
            </RequirePermission>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
