import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.js';
import { LoadingScreen } from './components/LoadingScreen.js';
import { RequirePermission } from './components/RequirePermission.js';
import { ForcedMfaEnrolPage } from './features/auth/ForcedMfaEnrolPage.js';
import { ForcedPasswordChangePage } from './features/auth/ForcedPasswordChangePage.js';
import { LoginPage } from './features/auth/LoginPage.js';
import { MfaChallengePage } from './features/auth/MfaChallengePage.js';
import { NotFoundPage } from './features/home/NotFoundPage.js';
import { ProfilePage } from './features/profile/ProfilePage.js';
import { SetupPage } from './features/setup/SetupPage.js';
import { RequireActiveSession, RequireSessionState } from './routes/guards.js';
import { MODULES } from './routes/modules.js';

export function App() {
  return (
    <Suspense fallback={<LoadingScreen />}>
      <Routes>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="/login/mfa"
          element={
            <RequireSessionState state="mfa_challenge">
              <MfaChallengePage />
            </RequireSessionState>
          }
        />
        <Route
          path="/login/mfa-enrol"
          element={
            <RequireSessionState state="mfa_enrol">
              <ForcedMfaEnrolPage />
            </RequireSessionState>
          }
        />
        <Route
          path="/login/change-password"
          element={
            <RequireSessionState state="password_change">
              <ForcedPasswordChangePage />
            </RequireSessionState>
          }
        />
        <Route element={<RequireActiveSession />}>
          <Route element={<AppLayout />}>
            {MODULES.map((module) => (
              <Route
                key={module.id}
                // A module owns everything under its path and may route inside it (/assets/:id).
                path={module.path === '/' ? '/' : `${module.path}/*`}
                element={
                  <RequirePermission permission={module.permission}>
                    <module.page />
                  </RequirePermission>
                }
              />
            ))}
            <Route path="/profile" element={<ProfilePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
