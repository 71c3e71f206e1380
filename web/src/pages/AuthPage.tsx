// /login/ and /signup/: Pinterest's centred card with a username and password, posted to /api/app/login or
// /api/app/signup. The API's message goes under the field it names (or above the button); then to /.
import { Box, Button, Flex, Heading, Link, Text, TextField } from 'gestalt';
import { useEffect, useState, type FormEvent } from 'react';
import { corkboard, errorMessage } from '../api.js';
import { Logo } from '../components/Logo.js';
import { navigate } from '../router.js';
import { useSession, type User } from '../session.js';

type Field = 'username' | 'password';

export function AuthPage({ mode }: { mode: 'login' | 'signup' }) {
  const { user, setUser } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ field: Field | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const signup = mode === 'signup';

  useEffect(() => { if (user) navigate('/', { replace: true }); }, [user]);
  useEffect(() => { document.title = `${signup ? 'Sign up' : 'Log in'} · Corkboard`; setError(null); }, [signup]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username) { setError({ field: 'username', message: 'Enter a username.' }); return; }
    if (!password) { setError({ field: 'password', message: 'Enter a password.' }); return; }
    setBusy(true);
    try {
      const body = { username, password };
      const { data, error: apiError, response } = signup
        ? await corkboard.POST('/api/app/signup', { body })
        : await corkboard.POST('/api/app/login', { body });
      if (!data) {
        const message = response.status === 429
          ? `${errorMessage(apiError)}${response.headers.get('retry-after') ? ` (try again in ${response.headers.get('retry-after')} s)` : ''}`
          : errorMessage(apiError);
        setError({ field: /password/i.test(message) ? 'password' : /user ?name/i.test(message) ? 'username' : null, message });
        return;
      }
      setUser(data.user as User);
      navigate('/', { replace: true });
    } catch (e) { setError({ field: null, message: errorMessage(e) }); } finally { setBusy(false); }
  };

  return (
    <Box minHeight="100vh" display="flex" alignItems="center" justifyContent="center" padding={4} color="secondary">
      <Box color="default" rounding={8} padding={8} width="100%" maxWidth={484} borderStyle="shadow">
        <form onSubmit={submit} noValidate>
          <Flex direction="column" gap={5} alignItems="center">
            <Logo withName={false} />
            <Heading size="600" align="center">{signup ? 'Welcome to Corkboard' : 'Log in to see more'}</Heading>
            {signup && <Text align="center" color="subtle">Find new ideas to try</Text>}
            <Box width="100%" maxWidth={268}>
              <Flex direction="column" gap={3}>
                <TextField id="username" label="Username" autoComplete="username" value={username}
                  onChange={({ value }) => setUsername(value)} errorMessage={error?.field === 'username' ? error.message : undefined}
                  helperText={signup ? 'Letters, numbers and underscores, 3 to 30 characters' : undefined} />
                <TextField id="password" label="Password" type="password" autoComplete={signup ? 'new-password' : 'current-password'}
                  value={password} onChange={({ value }) => setPassword(value)} errorMessage={error?.field === 'password' ? error.message : undefined}
                  helperText={signup ? 'At least 8 characters' : undefined} />
                {error?.field === null && <Box role="alert"><Text color="error" size="200">{error.message}</Text></Box>}
                <Button text={signup ? 'Continue' : 'Log in'} color="red" type="submit" fullWidth disabled={busy} />
              </Flex>
            </Box>
            <Text size="200" align="center">
              {signup ? 'Already a member? ' : 'Not on Corkboard yet? '}
              <Link display="inline" href={signup ? '/login/' : '/signup/'}>{signup ? 'Log in' : 'Sign up'}</Link>
            </Text>
          </Flex>
        </form>
      </Box>
    </Box>
  );
}
