import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Api } from './api';
import { App } from './App';
import { Auth } from './auth';
import { loadConfig } from './config';
import { I18nProvider, translate } from './i18n';
import { LiveProvider } from './live';
import { SessionContext } from './session';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html lacks #root');
const root = createRoot(container);

async function boot(): Promise<void> {
  const auth = new Auth(await loadConfig());
  const agent = await auth.start();
  if (agent === undefined) return; // on the way to the issuer's login page
  const session = { agent, auth, api: new Api(auth) };
  root.render(
    <StrictMode>
      <I18nProvider>
        <SessionContext.Provider value={session}>
          <LiveProvider api={session.api}>
            <App />
          </LiveProvider>
        </SessionContext.Provider>
      </I18nProvider>
    </StrictMode>,
  );
}

boot().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  root.render(
    <main className="boot-error">
      <h1>{translate('sv', 'app.name')}</h1>
      <p role="alert">{translate('sv', 'app.error', { message })}</p>
    </main>,
  );
});
