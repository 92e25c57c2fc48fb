import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { post } from '../api';
import type { AuthStatus } from '../shell/App';

export function LoginPage() {
  const client = useQueryClient();
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => post<AuthStatus>('/auth/login', { password }),
    onSuccess: (status) => client.setQueryData(['auth'], status),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={380} component="form" onSubmit={submit}>
        <Stack>
          <Title order={1} size="h2">
            Kith
          </Title>
          <Text c="dimmed">Log in to your network.</Text>
          {login.error && <Alert color="red">{login.error.message}</Alert>}
          <PasswordInput label="Password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoFocus required autoComplete="current-password" />
          <Button type="submit" loading={login.isPending}>
            Log in
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
