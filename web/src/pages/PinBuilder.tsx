// /pin-builder/ (Create Pin): images dropped or picked (one -> an image pin sent as image_base64, 2 to 5 -> a
// carousel as multiple_image_base64), one video (uploaded through /v5/media at once, see VideoDraft; published as
// video_id once processed) or an image URL (image_url), with title, description, link, alt text, board and
// optional section, posted to POST /v5/pins. On success the browser goes to the board's server page.
// Pinterest's API takes base64 uploads as JPEG or PNG only, so other files are refused here, saying so.
// Previews are drawn on canvases: the page CSP allows no blob: or data: images.
import { Box, Button, Flex, Heading, IconButton, SelectList, Spinner, Text, TextArea, TextField } from 'gestalt';
import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { PinterestComponents } from '../../../src/sdk/index.js';
import { errorMessage, pinterest, unwrap } from '../api.js';
import { everyPage, paged, type ListPage } from '../hooks.js';
import { readBase64 } from '../files.js';
import type { Board } from '../boards.js';
import { boardPath, loadPaths } from '../paths.js';
import { navigate } from '../router.js';
import type { User } from '../session.js';
import { useVideoDraft, VideoDraftView } from '../components/VideoDraft.js';

type Section = PinterestComponents['schemas']['BoardSection'];
type ContentType = 'image/jpeg' | 'image/png';
interface Chosen { key: number; file: File; contentType: ContentType }

const TYPES: readonly string[] = ['image/jpeg', 'image/png'];
const MAX_IMAGES = 5; // a carousel's most
const MAX_BYTES = 20 * 1024 * 1024; // Pinterest's limit for an image
let nextKey = 0;

type Field = 'media' | 'title' | 'description' | 'link' | 'alt_text' | 'board';
/** Which field an API message is about (the server names it), for showing it there. */
function fieldOf(message: string): Field | null {
  for (const [pattern, field] of [[/media_source/i, 'media'], [/alt_text/i, 'alt_text'], [/title/i, 'title'], [/description/i, 'description'],
    [/link/i, 'link'], [/board/i, 'board']] as const) if (pattern.test(message)) return field;
  return null;
}

export function PinBuilder({ user }: { user: User }) {
  const [boards, setBoards] = useState<Board[] | null>(null);
  const [boardId, setBoardId] = useState('');
  const [sections, setSections] = useState<Section[]>([]);
  const [sectionId, setSectionId] = useState('');
  const [images, setImages] = useState<Chosen[]>([]);
  const [imageUrl, setImageUrl] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [link, setLink] = useState('');
  const [altText, setAltText] = useState('');
  const [error, setError] = useState<{ field: Field | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const { draft: video, choose: chooseVideo, remove: removeVideo } = useVideoDraft();
  const [cover, setCover] = useState(0); // seconds into the video

  useEffect(() => { document.title = 'Create Pin · Corkboard'; }, []);
  useEffect(() => {
    everyPage<Board>((bookmark) => unwrap(pinterest.GET('/boards', { params: { query: paged(bookmark, 100) } })))
      .then((list) => { setBoards(list); setBoardId((id) => id || list[0]?.id || ''); },
        (e) => { setBoards([]); setError({ field: null, message: errorMessage(e) }); });
  }, []);
  useEffect(() => {
    setSections([]);
    setSectionId('');
    if (!boardId) return;
    let current = true;
    everyPage<Section>(async (bookmark) => (await unwrap(pinterest.GET('/boards/{board_id}/sections', { params: { path: { board_id: boardId }, query: paged(bookmark, 100) } }))) as ListPage<Section>)
      .then((list) => { if (current) setSections(list); }, (e) => { if (current) setError({ field: null, message: errorMessage(e) }); });
    return () => { current = false; };
  }, [boardId]);

  const add = (files: readonly File[]) => {
    const refused: string[] = [];
    const accepted: Chosen[] = [];
    const videos = files.filter((f) => f.type.startsWith('video/'));
    if (videos.length) {
      // A pin is one video or images, never both: a video replaces nothing silently.
      if (videos.length > 1 || files.length > videos.length || images.length || video) {
        setError({ field: 'media', message: 'A pin holds one video, or 1 to 5 images: not both, and not two videos. Remove what is chosen first.' });
        return;
      }
      setError(null);
      setCover(0);
      chooseVideo(videos[0]!);
      return;
    }
    if (video) { setError({ field: 'media', message: 'A pin holds one video, or 1 to 5 images: not both. Remove the video first.' }); return; }
    for (const file of files) {
      if (!TYPES.includes(file.type)) refused.push(`${file.name} is not a JPEG or PNG image (GIF and WebP cannot be uploaded through Pinterest's API; save those by URL)`);
      else if (file.size > MAX_BYTES) refused.push(`${file.name} is larger than 20 MB`);
      else accepted.push({ key: nextKey++, file, contentType: file.type as ContentType });
    }
    const room = MAX_IMAGES - images.length;
    if (accepted.length > room) refused.push(`A pin holds at most ${MAX_IMAGES} images: ${accepted.length - room === 1 ? 'one was' : `${accepted.length - room} were`} left out`);
    setImages([...images, ...accepted.slice(0, room)]);
    setError(refused.length ? { field: 'media', message: refused.join('. ') + '.' } : null);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    add([...event.dataTransfer.files]);
  };

  const publish = async (event?: FormEvent | { preventDefault(): void }) => {
    event?.preventDefault();
    const board = boards?.find((b) => b.id === boardId);
    if (!board) { setError({ field: 'board', message: 'Choose a board.' }); return; }
    if (!video && images.length === 0 && !imageUrl.trim()) { setError({ field: 'media', message: 'Add an image or a video: drop or choose one, or give an image URL.' }); return; }
    if (video && video.upload.phase !== 'succeeded') { setError({ field: 'media', message: 'The video is not ready yet: publish once it is processed.' }); return; }
    setBusy(true);
    setError(null);
    try {
      const data = await Promise.all(images.map((i) => readBase64(i.file)));
      const media_source = video?.upload.phase === 'succeeded'
        ? { source_type: 'video_id' as const, media_id: video.upload.mediaId, cover_image_key_frame_time: cover }
        : images.length === 0 ? { source_type: 'image_url' as const, url: imageUrl.trim() }
        : images.length === 1 ? { source_type: 'image_base64' as const, content_type: images[0]!.contentType, data: data[0]! }
          : { source_type: 'multiple_image_base64' as const, items: images.map((i, n) => ({ content_type: i.contentType, data: data[n]! })) };
      const { data: pin, error: apiError } = await pinterest.POST('/pins', { body: {
        board_id: board.id, ...(sectionId ? { board_section_id: sectionId } : {}), media_source,
        ...(title.trim() ? { title: title.trim() } : {}), ...(description.trim() ? { description: description.trim() } : {}),
        ...(link.trim() ? { link: link.trim() } : {}), ...(altText.trim() ? { alt_text: altText.trim() } : {}),
      } });
      if (!pin) { const message = errorMessage(apiError); setError({ field: fieldOf(message), message }); return; }
      // The board the pin went to, as Pinterest's builder does.
      await loadPaths([board.id!]);
      navigate(boardPath(board.id!) ?? '/');
    } catch (e) { setError({ field: null, message: errorMessage(e) }); } finally { setBusy(false); }
  };

  const errorOf = (field: Field) => (error?.field === field ? error.message : undefined);

  if (boards === null) return <Box padding={8}><Flex justifyContent="center"><Spinner show accessibilityLabel="Loading your boards" /></Flex></Box>;
  return (
    <Box as="main" paddingX={4} paddingY={6} maxWidth={1080} marginStart="auto" marginEnd="auto">
      <Heading size="400" accessibilityLevel={1}>Create Pin</Heading>
      <form className="pin-builder" onSubmit={publish} noValidate>
        <section className="pin-builder-media" aria-label="Images or video">
          {video ? <VideoDraftView draft={video} cover={cover} onCover={setCover} onRemove={() => { removeVideo(); setError(null); }} /> : (
          <div className={dragging ? 'drop-zone drop-zone-over' : 'drop-zone'} onDrop={onDrop}
            onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)}>
            {images.length > 0 && (
              <ul className="pin-previews" aria-label="Chosen images">
                {images.map((image, n) => (
                  <li key={image.key}>
                    <Preview file={image.file} label={`Image ${n + 1}: ${image.file.name}`} />
                    <div className="pin-preview-remove">
                      <IconButton icon="cancel" size="xs" bgColor="white" accessibilityLabel={`Remove image ${n + 1}`}
                        onClick={() => setImages((prev) => prev.filter((i) => i.key !== image.key))} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <Flex direction="column" alignItems="center" gap={3}>
              <Text align="center" weight="bold">{images.length ? (images.length === 1 ? 'One image: an image pin' : `${images.length} images: a carousel`) : 'Drag and drop images or a video here'}</Text>
              <Text align="center" size="100" color="subtle">JPEG or PNG (Pinterest's API takes no GIF or WebP uploads), up to 20 MB each; 2 to 5 images make a carousel. Or one video of 1 second to 15 minutes.</Text>
              <Button text={images.length ? 'Add images' : 'Choose files'} color="gray" iconStart="add" disabled={images.length >= MAX_IMAGES}
                onClick={() => input.current?.click()} />
              <input ref={input} className="visually-hidden" type="file" multiple accept={images.length ? 'image/*' : 'image/*,video/*'} tabIndex={-1} aria-hidden="true"
                onChange={(e) => { add([...(e.target.files ?? [])]); e.target.value = ''; }} />
            </Flex>
          </div>
          )}
          {errorOf('media') && <Box marginTop={2} role="alert"><Text color="error">{errorOf('media')}</Text></Box>}
          {images.length === 0 && !video && (
            <Box marginTop={4}>
              <TextField id="pin-image-url" label="Or save from an image URL" type="url" placeholder="https://" value={imageUrl}
                onChange={({ value }) => setImageUrl(value)} />
            </Box>
          )}
        </section>
        <Flex direction="column" gap={4}>
          <TextField id="pin-title" label="Title" placeholder="Add a title" value={title} onChange={({ value }) => setTitle(value)}
            errorMessage={errorOf('title')} maxLength={{ characterCount: 100, errorAccessibilityLabel: 'Title is too long' }} />
          <TextArea id="pin-description" label="Description" placeholder="Add a detailed description" value={description} rows={3}
            onChange={({ value }) => setDescription(value)} errorMessage={errorOf('description')} maxLength={{ characterCount: 800, errorAccessibilityLabel: 'Description is too long' }} />
          <TextField id="pin-link" label="Link" type="url" placeholder="Add a link" value={link} onChange={({ value }) => setLink(value)} errorMessage={errorOf('link')} />
          <TextArea id="pin-alt-text" label="Alt text" placeholder="Describe what the image shows, for people who cannot see it" value={altText} rows={2}
            onChange={({ value }) => setAltText(value)} errorMessage={errorOf('alt_text')} maxLength={{ characterCount: 500, errorAccessibilityLabel: 'Alt text is too long' }} />
          {boards.length === 0
            ? <Text color="subtle">You have no boards yet: create one on the home page first.</Text>
            : (
              <SelectList id="pin-board" label="Board" value={boardId} onChange={({ value }) => setBoardId(value)} errorMessage={errorOf('board')}>
                {boards.map((b) => <SelectList.Option key={b.id} label={b.name} value={b.id} />)}
              </SelectList>
            )}
          {sections.length > 0 && (
            <SelectList id="pin-section" label="Section (optional)" value={sectionId} onChange={({ value }) => setSectionId(value)}>
              {[<SelectList.Option key="" label="No section" value="" />, ...sections.map((s) => <SelectList.Option key={s.id} label={s.name ?? ''} value={s.id ?? ''} />)]}
            </SelectList>
          )}
          {error && error.field === null && <Box role="alert"><Text color="error">{error.message}</Text></Box>}
          <Flex justifyContent="end">
            <Button text={busy ? 'Publishing…' : 'Publish'} color="red" type="submit"
              disabled={busy || boards.length === 0 || (video !== null && video.upload.phase !== 'succeeded')} />
          </Flex>
        </Flex>
      </form>
    </Box>
  );
}

/** A chosen file drawn on a canvas at its aspect ratio (decoded by createImageBitmap, which the CSP allows). */
function Preview({ file, label }: { file: File; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let bitmap: ImageBitmap | undefined;
    let current = true;
    createImageBitmap(file).then((b) => {
      bitmap = b;
      const c = canvas.current;
      if (!current || !c) return;
      const scale = Math.min(1, 480 / b.width);
      c.width = Math.round(b.width * scale);
      c.height = Math.round(b.height * scale);
      c.getContext('2d')?.drawImage(b, 0, 0, c.width, c.height);
      c.dataset.drawn = 'true';
    }, () => { if (current) setFailed(true); });
    return () => { current = false; bitmap?.close(); };
  }, [file]);
  if (failed) return <Box padding={4}><Text color="error" size="100">{file.name} could not be read as an image.</Text></Box>;
  return <canvas ref={canvas} className="pin-preview" role="img" aria-label={label} width={240} height={320} />;
}
