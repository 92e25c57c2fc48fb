import { Alert, Button, CopyButton, Group, Menu, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../api';

interface Draft {
  subject: string;
  body: string;
  to: string | null;
}

/** Draft a follow-up from a template, then copy it to your mail app. */
export function DraftMenu({ personId }: { personId: string }) {
  const templates = useQuery({ queryKey: ['drafts'], queryFn: () => get<Array<{ template: string; label: string }>>('/drafts') });
  const [template, setTemplate] = useState<string | null>(null);
  const draft = useQuery({ queryKey: ['draft', personId, template], queryFn: () => get<Draft>(`/people/${personId}/drafts/${template}`), enabled: template !== null });
  const text = draft.data ? `Subject: ${draft.data.subject}\n\n${draft.data.body}` : '';
  return (
    <>
      <Menu>
        <Menu.Target>
          <Button variant="default">Draft a message</Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(templates.data ?? []).map((t) => (
            <Menu.Item key={t.template} onClick={() => setTemplate(t.template)}>
              {t.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={template !== null} onClose={() => setTemplate(null)} title="Draft" size="lg">
        <Stack>
          {draft.error && <Alert color="red">{draft.error.message}</Alert>}
          {draft.data?.to && <Text size="sm">To: {draft.data.to}</Text>}
          <Textarea aria-label="Message" autosize minRows={8} value={text} readOnly />
          <Group justify="flex-end">
            {draft.data?.to && (
              <Button component="a" variant="default" href={`mailto:${draft.data.to}?subject=${encodeURIComponent(draft.data.subject)}&body=${encodeURIComponent(draft.data.body)}`}>
                Open in mail app
              </Button>
            )}
            <CopyButton value={text}>{({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy to clipboard'}</Button>}</CopyButton>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
