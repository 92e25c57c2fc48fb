import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { post } from '../api';
import type { AuthStatus } from '../shell/App';
import { navigate } from '../shell/router';

/** First start: the one-time code from the link kith serve printed, and a new password. */
export function SetupPage() {
  const client = useQueryClient();
  const [code, setCode] = useState(() => new URLSearchParams(location.search).get('code') ?? '');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const mismatch = again.length > 0 && again !== password;
  const setup = useMutation({
    mutationFn: () => post<AuthStatus>('/auth/setup', { code, password }),
    onSuccess: (status) => {
      navigate('/', { replace: true });
      client.setQueryData(['auth'], status);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!mismatch) setup.mutate();
  };
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={420} component="form" onSubmit={submit}>
        <Stack>
          <Title order={1} size="h2">
            Welcome to Kith
          </Title>
          <Text c="dimmed">Choose the password that protects your network. Everything stays on this machine.</Text>
          {setup.error && <Alert color="red">{setup.error.message}</Alert>}
          <TextInput label="Setup code" description="From the link that kith serve printed" value={code} onChange={(e) => setCode(e.currentTarget.value)} required />
          <PasswordInput label="New password" description="At least 8 characters" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required minLength={8} autoComplete="new-password" />
          <PasswordInput label="Repeat the password" value={again} onChange={(e) => setAgain(e.currentTarget.value)} required error={mismatch ? 'The passwords differ' : undefined} autoComplete="new-password" />
          <Button type="submit" loading={setup.isPending}>
            Set password and start
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
