/** The screens before logging in, one lazy chunk: the editor's pages never wait for them. */
import type { AuthRoute } from './auth-routes.ts';
import { ForgotPage } from './forgot-page.tsx';
import { InvitePage } from './invite-page.tsx';
import { LoginPage } from './login-page.tsx';
import { ResetPage } from './reset-page.tsx';
import { SetupPage } from './setup-page.tsx';

export function AuthScreens({ route }: { route: AuthRoute }) {
  switch (route.page) {
    case 'login':
      return <LoginPage />;
    case 'forgot':
      return <ForgotPage />;
    case 'reset':
      return <ResetPage key={route.token} token={route.token} />;
    case 'setup':
      return <SetupPage key={route.token} token={route.token} />;
    case 'invite':
      return <InvitePage key={route.token} token={route.token} />;
  }
}

export { LoginForm } from './login-form.tsx';
